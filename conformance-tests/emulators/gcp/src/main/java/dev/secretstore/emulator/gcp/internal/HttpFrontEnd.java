package dev.secretstore.emulator.gcp.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The HTTP port: Netty with TCP_NODELAY (no delayed-ACK floor), routing {@code /v1/} to the REST mapping,
 * {@code /token} to the OAuth endpoint and {@code /_emulator/} to the admin endpoint.
 */
public final class HttpFrontEnd implements AutoCloseable {
  private static final int MAX_BODY = 4 * 1024 * 1024;
  private final EventLoopGroup group = new NioEventLoopGroup(2, r -> {
    Thread t = new Thread(r, "gcp-emulator-http");
    t.setDaemon(true);
    return t;
  });
  private final Channel channel;

  /** Serves plain HTTP, or HTTPS when {@code tls} is given. */
  public HttpFrontEnd(int port, SslContext tls, Consumer<HttpExchange> rest, Consumer<HttpExchange> token,
      Consumer<HttpExchange> admin) throws InterruptedException {
    ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (tls != null) {
              ch.pipeline().addLast(tls.newHandler(ch.alloc()));
            }
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY),
                new Handler(rest, token, admin));
          }
        });
    channel = b.bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
  }

  public static SslContext tls(String certificatePem, String privateKeyPem) {
    try {
      return SslContextBuilder.forServer(
          new java.io.ByteArrayInputStream(certificatePem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
          new java.io.ByteArrayInputStream(privateKeyPem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
          .sslProvider(SslProvider.JDK).build();
    } catch (javax.net.ssl.SSLException e) {
      throw new IllegalStateException("could not set up HTTPS", e);
    }
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
  }

  private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Consumer<HttpExchange> rest;
    private final Consumer<HttpExchange> token;
    private final Consumer<HttpExchange> admin;

    Handler(Consumer<HttpExchange> rest, Consumer<HttpExchange> token, Consumer<HttpExchange> admin) {
      this.rest = rest;
      this.token = token;
      this.admin = admin;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      QueryStringDecoder q = new QueryStringDecoder(req.uri(), java.nio.charset.StandardCharsets.UTF_8, true, 1024, true);
      Map<String, String> headers = new HashMap<>();
      req.headers().forEach(e -> headers.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
      boolean keepAlive = HttpUtil.isKeepAlive(req);
      HttpExchange ex = new HttpExchange(req.method().name(), q.path(), q.parameters(), headers,
          ByteBufUtil.getBytes(req.content()), (status, contentType, body, extra) -> {
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            extra.forEach((k, v) -> res.headers().set(k, v));
            if (keepAlive) {
              res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
              ctx.writeAndFlush(res);
            } else {
              ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
            }
          });
      String path = q.path();
      if (path.startsWith("/v1/")) {
        rest.accept(ex);
      } else if (path.equals("/token")) {
        token.accept(ex);
      } else if (path.startsWith(AdminEndpoint.PREFIX)) {
        admin.accept(ex);
      } else {
        RestErrors.send(ex, ApiError.notFound("The requested URL " + path + " was not found on this server."));
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
