package io.amcfacade.upstream;

/**
 * Following AMC's {@code nextToken}: the end of a listing, the next page, or a loop. A token equal to
 * the one just sent would answer the same page again for ever (a static mock of Amazon's definitions
 * does exactly that), so it ends the walk at the second page instead of spending the rate budget on
 * every page up to the walk's bound.
 */
final class NextToken {

    private NextToken() {
    }

    /** @return the token of the next page, or null when {@code received} ends the listing */
    static String after(AmcOperation operation, String sent, String received, String requestId) {
        if (received == null || received.isBlank()) {
            return null;
        }
        if (received.equals(sent)) {
            throw UpstreamException.pagingRepeat(operation, requestId);
        }
        return received;
    }
}
