package io.amcfacade.console;

import io.amcfacade.api.model.AuditActor;
import io.amcfacade.api.model.AuditClient;
import io.amcfacade.api.model.AuditEvent;
import io.amcfacade.api.model.AuditTarget;
import io.amcfacade.api.model.AuditUpstream;
import io.amcfacade.api.model.Problem;
import io.amcfacade.api.model.ProblemFieldError;
import io.amcfacade.api.model.VerifyProblem;
import io.amcfacade.api.model.VerifyResult;
import io.quarkus.qute.TemplateData;

/** The API models the console's templates read directly: Qute gets value resolvers for their getters. */
@TemplateData(target = AuditEvent.class)
@TemplateData(target = AuditActor.class)
@TemplateData(target = AuditClient.class)
@TemplateData(target = AuditTarget.class)
@TemplateData(target = AuditUpstream.class)
@TemplateData(target = VerifyResult.class)
@TemplateData(target = VerifyProblem.class)
@TemplateData(target = Problem.class)
@TemplateData(target = ProblemFieldError.class)
final class ConsoleTemplateData {

    private ConsoleTemplateData() {
    }
}
