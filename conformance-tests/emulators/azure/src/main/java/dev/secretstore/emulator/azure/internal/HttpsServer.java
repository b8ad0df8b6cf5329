package dev.secretstore.emulator.azure.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * HTTPS on a loopback port. Netty with TCP_NODELAY and keep-alive, so the emulator adds no latency floor of its
 * own (the JDK HttpServer shows ~40 ms per request here because of delayed ACKs).
 */
public final class HttpsServer implements AutoCloseable {
    /** Large enough for a 25k secret plus JSON escaping and any admin state file. */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final EventLoopGroup boss = new NioEventLoopGroup(1, daemonThreads("azure-emulator-accept"));
    private final EventLoopGroup workers = new NioEventLoopGroup(2, daemonThreads("azure-emulator-io"));
    private final Channel channel;

    private HttpsServer(int port, SelfSignedCertificate certificate, RequestHandler handler) {
        SslContext ssl;
        try {
            ssl = SslContextBuilder.forServer(certificate.privateKey(), certificate.certificate())
                    .sslProvider(SslProvider.JDK)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("tls", ssl.newHandler(ch.alloc()))
                                .addLast("http", new HttpServerCodec())
                                .addLast("aggregate", new HttpObjectAggregator(MAX_BODY_BYTES))
                                .addLast("emulator", new NettyExchangeHandler(handler));
                    }
                });
        try {
            this.channel = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                    .sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while binding port " + port, e);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot bind 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public static HttpsServer start(int port, SelfSignedCertificate certificate, RequestHandler handler) {
        return new HttpsServer(port, certificate, handler);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly();
        }
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
