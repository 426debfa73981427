package io.amcfacade.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.amcfacade.support.Callers;
import io.amcfacade.support.InvitationsApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The console's links carry their values encoded: a person whose email has a {@code +} (a tag, common
 * for shared mailboxes) is followed from an action to their timeline. Before, the link held the raw
 * email, the {@code +} arrived as a space, and the timeline was of nobody. Paging links keep the filter.
 */
@QuarkusTest
class ConsoleLinksTest {

    private static final Pattern EVENT_LINK = Pattern.compile("href=\"/console/actions/([0-9a-f-]{36})\" class=\"event-link\"");
    private static final Pattern OLDER_LINK = Pattern.compile("href=\"/console/activity\\?cursor=([^&\"]+)([^\"]*)\" id=\"older\" rel=\"next\"");
    private static final Pattern PERSON_LINK = Pattern.compile("href=\"(/console/timeline\\?person=[^\"]*)\">History of this person");

    @Test
    void activityPagesOnWithItsFilterAndLinksBackToTheNewest() {
        String actor = Callers.uniqueSubject("pager");
        for (int i = 0; i < 21; i++) { // one more than a test page (amc.console.page-size=20)
            Callers.as(actor, "amc-viewer").get("/v1/accounts").then().statusCode(200);
        }
        Map<String, String> session = ConsoleSignInTest.signIn(Callers.uniqueSubject("ada"), "auditor");

        String first = given().cookies(session).queryParam("actor", actor).get("/console/activity")
                .then().statusCode(200).extract().asString();
        Matcher older = OLDER_LINK.matcher(first);
        assertThat(older.find()).as("a next-page link carrying the filter").isTrue();
        assertThat(older.group(2)).isEqualTo("&amp;actor=" + actor);
        assertThat(first).doesNotContain("« Newest");

        String second = given().cookies(session).urlEncodingEnabled(false)
                .get("/console/activity?cursor=" + older.group(1) + "&actor=" + actor).then().statusCode(200).extract().asString();
        Matcher event = EVENT_LINK.matcher(second);
        assertThat(event.find()).as("the 21st action is on the second page").isTrue();
        assertThat(event.find()).as("and only it").isFalse();
        assertThat(second).contains("<a href=\"/console/activity?actor=" + actor + "\">« Newest</a>")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void anEmailWithAPlusIsFollowedFromItsActionToItsTimeline() {
        String email = "ops+" + InvitationsApi.uniqueEmail("tag");
        InvitationsApi.inviteOne(Callers.token(Callers.uniqueSubject("admin"), "amc-admin"), email, "viewer");
        Map<String, String> session = ConsoleSignInTest.signIn(Callers.uniqueSubject("ada"), "auditor");

        String activity = given().cookies(session).queryParam("targetId", email).get("/console/activity")
                .then().statusCode(200).extract().asString();
        Matcher event = EVENT_LINK.matcher(activity);
        assertThat(event.find()).as("the invitation's create is in the activity of its email").isTrue();
        String eventId = event.group(1);
        String action = given().cookies(session).get("/console/actions/" + eventId).then().statusCode(200).extract().asString();
        Matcher link = PERSON_LINK.matcher(action);
        assertThat(link.find()).as("the action links to the invitee's timeline").isTrue();
        assertThat(link.group(1)).isEqualTo("/console/timeline?person=" + email.replace("+", "%2B").replace("@", "%40"));

        String timeline = given().cookies(session).urlEncodingEnabled(false).get(link.group(1).replace("&amp;", "&"))
                .then().statusCode(200).extract().asString();
        assertThat(timeline).contains(email).contains("/console/actions/" + eventId);
    }
}
