package io.amcfacade.upstream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The raw AMC administration API. Only {@link AmcClient} calls it. */
@RegisterRestClient(configKey = "amc-api")
@Path("/")
interface AmcApi {

    String CLIENT_ID = "Amazon-Advertising-API-ClientId";

    @GET
    @Path("amc/accounts")
    @Produces(MediaType.APPLICATION_JSON)
    Response listAccounts(@HeaderParam(CLIENT_ID) String clientId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("nextToken") String nextToken);
}
