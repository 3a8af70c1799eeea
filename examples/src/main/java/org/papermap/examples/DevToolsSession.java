package org.papermap.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A minimal Chrome DevTools Protocol client over one page target's WebSocket (java.net.http): send a
 * command and wait for its reply; every event goes to the listeners.
 *
 * <p>Thread-safety: safe; replies and events arrive on the HTTP client's threads.
 */
final class DevToolsSession implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();

  private DevToolsSession(WebSocket socket) {
    this.socket = socket;
  }

  static DevToolsSession connect(URI webSocketUrl, Duration timeout) throws IOException {
    Receiver receiver = new Receiver();
    try {
      WebSocket ws =
          HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
              .buildAsync(webSocketUrl, receiver).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      DevToolsSession s = new DevToolsSession(ws);
      receiver.session = s;
      return s;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while connecting to " + webSocketUrl, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot connect to " + webSocketUrl + ": " + e, e);
    }
  }

  void onEvent(Consumer<JsonNode> listener) {
    listeners.add(listener);
  }

  /** Sends {@code method} with {@code params} and returns its {@code result}. */
  JsonNode call(String method, Map<String, ?> params, Duration timeout) throws IOException {
    int id = nextId.getAndIncrement();
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(msg.toString(), true).join();
    try {
      JsonNode r = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (r.has("error")) {
        throw new IOException(method + " failed: " + r.get("error"));
      }
      return r.get("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for " + method, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(method + " got no reply within " + timeout + ": " + e, e);
    } finally {
      pending.remove(id);
    }
  }

  /** Evaluates a JavaScript expression in the page (promises awaited) and returns its value. */
  JsonNode evaluate(String expression, Duration timeout) throws IOException {
    JsonNode r = call("Runtime.evaluate",
        Map.of("expression", expression, "returnByValue", true, "awaitPromise", true), timeout);
    if (r.has("exceptionDetails")) {
      throw new IOException("page threw evaluating " + expression + ": " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  private void dispatch(String text) {
    JsonNode msg;
    try {
      msg = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("malformed DevTools message: " + text, e);
    }
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.get(msg.get("id").asInt());
      if (f != null) {
        f.complete(msg);
      }
    } else {
      for (Consumer<JsonNode> l : listeners) {
        l.accept(msg);
      }
    }
  }

  @Override
  public void close() {
    socket.abort();
  }

  /** Joins fragmented text frames and hands whole messages to the session. */
  private static final class Receiver implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();
    volatile DevToolsSession session;

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        DevToolsSession s = session;
        if (s != null) {
          s.dispatch(text);
        }
      }
      ws.request(1);
      return null;
    }
  }
}
