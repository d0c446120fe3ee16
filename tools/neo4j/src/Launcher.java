import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs a Neo4j Community DBMS in this JVM with the Bolt connector on, so that papergraph needs no
 * Docker engine and no Neo4j installation: only the jars Maven resolved. Settings arrive as
 * environment variables (never on the command line, where `ps` would show the password).
 *
 * The Node side waits for the READY line on stdout; it is the only line this program prints there.
 */
public final class Launcher {
  private static final String READY = "PAPERGRAPH_NEO4J_READY";

  public static void main(String[] args) {
    try {
      run();
    } catch (Throwable e) {
      // Neo4j's own threads would keep a failed JVM alive; exit so the Node side sees the failure.
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run() throws Exception {
    Path home = Path.of(env("PAPERGRAPH_NEO4J_HOME", ".data/neo4j")).toAbsolutePath();
    String host = env("PAPERGRAPH_NEO4J_HOST", "127.0.0.1");
    String port = env("PAPERGRAPH_NEO4J_PORT", "7687");
    String password = env("PAPERGRAPH_NEO4J_PASSWORD", "");
    Files.createDirectories(home);

    Map<String, String> settings = new TreeMap<>();
    settings.put("server.bolt.enabled", "true");
    settings.put("server.bolt.listen_address", host + ":" + port);
    settings.put("server.bolt.advertised_address", host + ":" + port);
    settings.put("server.memory.pagecache.size", env("PAPERGRAPH_NEO4J_PAGECACHE", "512m"));
    settings.put("db.transaction.timeout", env("PAPERGRAPH_NEO4J_TX_TIMEOUT", "60s"));
    settings.put("dbms.security.auth_enabled", password.isEmpty() ? "false" : "true");
    // Bolt's default graceful shutdown waits a 5 s quiet period (and up to 15 s) for idle
    // connections; the clients here are local and already closed, so stopping quickly matters more.
    settings.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
    settings.put("internal.dbms.bolt.netty_server_shutdown_timeout", "3");
    // Anonymous usage reporting would try to reach the internet at start.
    settings.put("dbms.usage_report.enabled", "false");

    // The builder takes raw settings only from a properties file, so they are written next to the
    // store, where they also document how the running database was configured.
    Path conf = home.resolve("neo4j.conf");
    StringBuilder lines = new StringBuilder("# Written by papergraph at each start; edits are lost.\n");
    settings.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
    Files.writeString(conf, lines.toString());
    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  dbms.shutdown();
                  stopped.countDown();
                },
                "papergraph-neo4j-shutdown"));

    if (!password.isEmpty()) {
      // The embedded API bypasses auth, so the password from the environment is (re)applied on
      // every start: changing PAPERGRAPH_NEO4J_PASSWORD needs no manual step.
      GraphDatabaseService system = dbms.database("system");
      try {
        system.executeTransactionally(
            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
            Map.of("password", password));
      } catch (RuntimeException e) {
        // Neo4j refuses to "change" a password to itself: the password is already right.
        if (!String.valueOf(rootMessage(e)).contains("Old password and new password cannot be the same")) {
          throw e;
        }
      }
    }

    String version = dbms.database("neo4j")
        .executeTransactionally(
            "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
            Map.of(),
            r -> r.hasNext() ? String.valueOf(r.next().get("v")) : "unknown");
    System.out.println(READY + " bolt://" + host + ":" + port + " version=" + version
        + " pid=" + ProcessHandle.current().pid());
    System.out.flush();
    watchParent();
    stopped.await();
  }

  /**
   * When started in the foreground by `npm start`, the database must not outlive it even if the
   * Node process is killed with SIGKILL (no chance to clean up), so it exits when its parent does.
   */
  private static void watchParent() {
    String parent = System.getenv("PAPERGRAPH_NEO4J_PARENT_PID");
    if (parent == null || parent.isBlank()) return;
    long pid = Long.parseLong(parent.trim());
    Thread watcher =
        new Thread(
            () -> {
              while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
              }
              System.exit(0);
            },
            "papergraph-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) cause = cause.getCause();
    return cause.getMessage();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
