package dev.secretstore.emulator.azure.internal;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
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
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Adapts Netty's full requests to {@link RequestHandler}, applying injected latency and connection resets. */
final class NettyExchangeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final RequestHandler handler;

    NettyExchangeHandler(RequestHandler handler) {
        this.handler = handler;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String clientRequestId = request.headers().get("x-ms-client-request-id");
        handler.arrived();
        Outcome outcome;
        try {
            outcome = handler.handle(toEmulatorRequest(request));
        } catch (RuntimeException e) {
            outcome = Outcome.respond(KeyVaultErrors.internal(e));
        }
        Outcome decided = outcome;
        if (decided.delay().isZero()) {
            complete(ctx, decided, keepAlive, clientRequestId);
        } else {
            ctx.executor().schedule(() -> complete(ctx, decided, keepAlive, clientRequestId),
                    decided.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void complete(ChannelHandlerContext ctx, Outcome outcome, boolean keepAlive, String clientRequestId) {
        try {
            send(ctx, outcome, keepAlive, clientRequestId);
        } finally {
            handler.answered();
        }
    }

    private static void send(ChannelHandlerContext ctx, Outcome outcome, boolean keepAlive, String clientRequestId) {
        if (outcome instanceof Outcome.ResetConnection) {
            // SO_LINGER 0 makes close() send a TCP RST instead of an orderly FIN.
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            ctx.channel().close();
            return;
        }
        EmulatorResponse response = ((Outcome.Respond) outcome).response();
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        for (Entry<String, String> header : response.headers().entrySet()) {
            http.headers().set(header.getKey(), header.getValue());
        }
        http.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        // As the service does: a request id of its own, the client's echoed back.
        if (!http.headers().contains("x-ms-request-id")) {
            http.headers().set("x-ms-request-id", UUID.randomUUID().toString());
        }
        if (clientRequestId != null) {
            http.headers().set("x-ms-client-request-id", clientRequestId);
        }
        http.headers().set("x-ms-keyvault-service-version", "emulator");
        HttpUtil.setKeepAlive(http, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(http);
        } else {
            ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static EmulatorRequest toEmulatorRequest(FullHttpRequest request) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        Map<String, String> headers = new HashMap<>();
        for (Entry<String, String> header : request.headers()) {
            headers.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT), header.getValue());
        }
        return new EmulatorRequest(request.method().name(), decoder.path(), decoder.parameters(), headers,
                ByteBufUtil.getBytes(request.content()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Clients that drop connections or refuse the certificate are not the emulator's errors: just close.
        ctx.close();
    }
}
