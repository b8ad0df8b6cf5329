package dev.secretstore.azure.internal;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.core.util.UrlBuilder;

/**
 * Asks for list pages of {@value #PAGE_SIZE} secrets, the most Key Vault returns per page ({@code maxresults},
 * 1-25), on the first GetSecrets request: {@code SecretClient.listPropertiesOfSecrets} sends no {@code maxresults},
 * which leaves the page size to the service. Later pages follow the service's {@code nextLink}, which carries the
 * page size on, and are left as they are.
 */
final class ListPageSizePolicy extends HttpPipelineSyncPolicy {
    static final int PAGE_SIZE = 25;

    @Override
    protected void beforeSendingRequest(HttpPipelineCallContext context) {
        HttpRequest request = context.getHttpRequest();
        if (request.getHttpMethod() != HttpMethod.GET) {
            return;
        }
        UrlBuilder url = UrlBuilder.parse(request.getUrl());
        String path = url.getPath() == null ? "" : url.getPath();
        if (!(path.equals("/secrets") || path.equals("/secrets/")) || url.getQuery().containsKey("maxresults")) {
            return;
        }
        url.setQueryParameter("maxresults", Integer.toString(PAGE_SIZE));
        request.setUrl(url.toString());
    }
}
