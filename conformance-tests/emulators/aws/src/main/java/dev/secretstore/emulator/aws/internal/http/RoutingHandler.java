package dev.secretstore.emulator.aws.internal.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Adapts Netty's aggregated requests to {@link RequestRouter} and writes its answer back. */
final class RoutingHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final RequestRouter router;

    RoutingHandler(RequestRouter router) {
        this.router = router;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            write(ctx, HttpResponseView.of(400, "text/plain", "malformed HTTP request"), false);
            return;
        }
        String uri = request.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? "" : uri.substring(q + 1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(h ->
                headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue()));
        byte[] body = ByteBufUtil.getBytes(request.content());
        boolean keepAlive = HttpUtil.isKeepAlive(request);

        RequestRouter.Routed routed;
        try {
            routed = router.route(new HttpRequestView(request.method().name(), path, rawQuery, headers, body));
        } catch (RuntimeException e) {
            routed = RequestRouter.Routed.now(HttpResponseView.of(500, "text/plain", "emulator failure"));
        }
        RequestRouter.Routed answer = routed;
        if (answer.delayMillis() > 0) {
            ctx.executor().schedule(() -> write(ctx, answer.response(), keepAlive), answer.delayMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            write(ctx, answer.response(), keepAlive);
        }
    }

    private static void write(ChannelHandlerContext ctx, HttpResponseView view, boolean keepAlive) {
        if (view.resetConnection()) {
            // SO_LINGER 0 makes close() send a TCP RST: the client sees "connection reset", as from a dead peer.
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            ctx.channel().close();
            return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(view.status()), Unpooled.wrappedBuffer(view.body()));
        if (view.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, view.contentType());
        }
        view.headers().forEach((k, v) -> response.headers().set(k, v));
        HttpUtil.setContentLength(response, view.body().length);
        HttpUtil.setKeepAlive(response, keepAlive);
        ctx.writeAndFlush(response);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
