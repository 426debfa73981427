package io.amcfacade.invitations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;

/** Checks a batch as a whole, before anything is recorded or sent. */
final class BatchValidation {

    private BatchValidation() {
    }

    /** Each value at most once: {@code invitations[2].emailAddress: duplicates invitations[0].emailAddress}. */
    static void requireDistinct(List<String> values, String list, String field) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Integer earlier = first.putIfAbsent(values.get(i), i);
            if (earlier != null) {
                throw new ProblemException(Problems.invalidField(list + "[" + i + "]." + field,
                        "duplicates " + list + "[" + earlier + "]." + field + "; each may appear once per batch"));
            }
        }
    }
}
