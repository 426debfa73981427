package io.amcfacade.support.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.amcfacade.upstream.AmcMediaTypes;

/**
 * The check every test runs (decision 0009) catches what it is there for: a wrong {@code Accept}, a
 * request body of the wrong shape, an answer of the wrong shape, each named by operation and field.
 * Each case starts from an exchange the contract accepts, so a failure can only be the mutation.
 */
class UpstreamContractCheckTest {

    private static final String ROLE_CHANGE = "{\"userPermissions\":[{\"userId\":\"amzn1.user.1\","
            + "\"permissionSet\":{\"type\":\"ROLE\",\"role\":\"ADMIN\"}}]}";
    private static final String INSTANCE = "{\"instanceId\":\"amc1\",\"instanceName\":\"n\",\"creationStatus\":\"COMPLETED\","
            + "\"creationDatetime\":\"2026-01-15T09:30:00Z\",\"apiEndpoint\":\"https://x\",\"entities\":[\"E\"],"
            + "\"awsAccountId\":\"1\",\"dataUploadAwsAccountId\":\"2\",\"s3BucketName\":\"b\",\"s3BucketRegion\":\"us-east-1\"}";

    @Test
    void theFacadesRoleChangeAsItSendsItKeepsTheContract() {
        assertThat(UpstreamContract.checkRequest(roleChange(AmcMediaTypes.SET_USER_ROLES, ROLE_CHANGE))).isEmpty();
    }

    @Test
    void aWrongAcceptIsCaughtAndNamed() {
        UpstreamContract.Exchange exchange = roleChange("application/json", ROLE_CHANGE);

        assertThat(UpstreamContract.checkRequest(exchange)).singleElement().asString()
                .contains("PUT /userPermissions request").contains("Accept is 'application/json'");
    }

    @Test
    void aVendorTypeSpelledInLowerCaseIsCaught() {
        String lower = AmcMediaTypes.SET_USER_ROLES.toLowerCase();
        UpstreamContract.Exchange exchange = new UpstreamContract.Exchange("PUT", "/userPermissions", Map.of(),
                headers(lower, lower), ROLE_CHANGE);

        assertThat(UpstreamContract.checkRequest(exchange)).anySatisfy(v -> assertThat(v).contains("Content-Type is '"
                + lower + "'")).anySatisfy(v -> assertThat(v).contains("spelled differently"));
    }

    @Test
    void aRoleSentAsTheInvitationApisObjectIsCaughtAtItsField() {
        String objectRole = ROLE_CHANGE.replace("\"role\":\"ADMIN\"", "\"role\":{\"name\":\"ADMIN\"}");

        assertThat(UpstreamContract.checkRequest(roleChange(AmcMediaTypes.SET_USER_ROLES, objectRole)))
                .anySatisfy(v -> assertThat(v).contains("PUT /userPermissions request").contains("/userPermissions/0/permissionSet/role"));
    }

    @Test
    void aGetInstanceAnswerThatIsNotWrappedIsCaughtAndAWrappedOneKeepsTheContract() {
        UpstreamContract.Exchange get = new UpstreamContract.Exchange("GET", "/amc/instances/amc1", Map.of(),
                Map.of(), null);

        assertThat(UpstreamContract.checkResponse(get, 200, AmcMediaTypes.INSTANCES, "{\"instance\":" + INSTANCE + "}"))
                .isEmpty();
        assertThat(UpstreamContract.checkResponse(get, 200, AmcMediaTypes.INSTANCES, "{\"instance\":{\"instanceId\":1}}"))
                .anySatisfy(v -> assertThat(v).contains("GET /amc/instances/{instanceId} answer 200"));
    }

    @Test
    void invitationCountriesAsBareStringsAreCaught() {
        UpstreamContract.Exchange list = new UpstreamContract.Exchange("POST", "/user-invitations/list", Map.of(),
                Map.of(), null);

        assertThat(UpstreamContract.checkResponse(list, 200, AmcMediaTypes.LIST_INVITATIONS,
                "{\"invitations\":[{\"invitationId\":\"i\",\"countries\":[{\"countryCode\":\"US\"}]}]}")).isEmpty();
        assertThat(UpstreamContract.checkResponse(list, 200, AmcMediaTypes.LIST_INVITATIONS,
                "{\"invitations\":[{\"invitationId\":\"i\",\"countries\":[\"US\"]}]}"))
                .anySatisfy(v -> assertThat(v).contains("POST /user-invitations/list answer 200").contains("countries"));
    }

    @Test
    void aLinkToAManagerAccountMustAcceptIts207sMediaType() {
        String body = "{\"accounts\":[{\"id\":\"ENTITY1\",\"type\":\"ACCOUNT_ID\"}]}";
        UpstreamContract.Exchange link = new UpstreamContract.Exchange("POST", "/managerAccounts/amzn1.ma.1/associate",
                Map.of(), headers(AmcMediaTypes.LINK_ACCOUNTS, AmcMediaTypes.LINKED_ACCOUNTS), body);
        UpstreamContract.Exchange wrongAccept = new UpstreamContract.Exchange("POST",
                "/managerAccounts/amzn1.ma.1/associate", Map.of(), headers(AmcMediaTypes.LINK_ACCOUNTS,
                        "application/json"), body);

        assertThat(UpstreamContract.checkRequest(link)).isEmpty();
        assertThat(UpstreamContract.checkRequest(wrongAccept)).anySatisfy(v -> assertThat(v)
                .contains("POST /managerAccounts/{managerAccountId}/associate request").contains("Accept is"));
    }

    @Test
    void anAccessScopeFilterNamingTwoScopesIsCaught() {
        String two = "{\"accessScopeFilter\":{\"include\":[\"DIRECT\",\"INDIRECT\"]},\"maxResults\":100}";
        UpstreamContract.Exchange list = new UpstreamContract.Exchange("POST", "/users/list", Map.of(),
                headers(AmcMediaTypes.LIST_USERS, AmcMediaTypes.LIST_USERS), two);

        assertThat(UpstreamContract.checkRequest(list)).anySatisfy(v -> assertThat(v)
                .contains("POST /users/list request").contains("accessScopeFilter"));
        assertThat(UpstreamContract.checkRequest(new UpstreamContract.Exchange("POST", "/users/list", Map.of(),
                headers(AmcMediaTypes.LIST_USERS, AmcMediaTypes.LIST_USERS), two.replace(",\"INDIRECT\"", ""))))
                .isEmpty();
    }

    @Test
    void aLinkFailureWithACodeAmazonDoesNotDefineIsCaught() {
        UpstreamContract.Exchange link = new UpstreamContract.Exchange("POST", "/managerAccounts/amzn1.ma.1/associate",
                Map.of(), Map.of(), null);
        String failed = "{\"succeedAccounts\":[],\"failedAccounts\":[{\"account\":{\"id\":\"E\",\"type\":\"ACCOUNT_ID\"},"
                + "\"error\":{\"code\":\"BAD_REQUEST\",\"message\":\"m\"}}]}";

        assertThat(UpstreamContract.checkResponse(link, 207, AmcMediaTypes.LINKED_ACCOUNTS, failed)).isEmpty();
        assertThat(UpstreamContract.checkResponse(link, 207, AmcMediaTypes.LINKED_ACCOUNTS,
                failed.replace("BAD_REQUEST", "ALREADY_LINKED")))
                .anySatisfy(v -> assertThat(v).contains("answer 207"));
    }

    private static UpstreamContract.Exchange roleChange(String accept, String body) {
        return new UpstreamContract.Exchange("PUT", "/userPermissions", Map.of(),
                headers(AmcMediaTypes.SET_USER_ROLES, accept), body);
    }

    private static Map<String, List<String>> headers(String contentType, String accept) {
        return Map.of("Amazon-Advertising-API-ClientId", List.of("amzn1.application-oa2-client.x"),
                "Authorization", List.of("Bearer Atza|x"), "Amazon-Ads-AccountId", List.of("ENTITY1"),
                "Content-Type", List.of(contentType), "Accept", List.of(accept));
    }
}
