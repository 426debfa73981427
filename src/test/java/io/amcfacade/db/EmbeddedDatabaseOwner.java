package io.amcfacade.db;

import java.nio.file.Path;

/** A separate process that owns an embedded database until it is killed; see {@link EmbeddedDatabaseTest}. */
public final class EmbeddedDatabaseOwner {

    static final String READY = "OWNER-READY";

    private EmbeddedDatabaseOwner() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), 0);
        EmbeddedDatabaseTest.execute(database.jdbcUrl(), "CREATE TABLE kept (v text)",
                "INSERT INTO kept VALUES ('committed before kill -9')");
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
