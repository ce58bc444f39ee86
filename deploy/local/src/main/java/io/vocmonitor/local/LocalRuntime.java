package io.vocmonitor.local;

import java.util.Arrays;

/**
 * The helpers {@code ./voc} runs besides the broker and the services. One command per invocation:
 * <pre>
 *   create-topics BOOTSTRAP                  topics of SPEC §3, if missing
 *   pg-check JDBC_URL USER                   exit 0 when PostgreSQL answers to USER
 *   init-db SERVER_URL SUPERUSER DATABASE    create DATABASE if missing and run the bootstrap (roles, schemas)
 *   drop-db SERVER_URL SUPERUSER DATABASE    drop DATABASE and everything in it
 *   embedded-postgres PORT DATA_DIR          run an embedded PostgreSQL until terminated
 *   replica-check SERVER_URL SUPERUSER       print the major version; exit 3 when replication connections are refused
 *   replica-allow SERVER_URL SUPERUSER       allow replication connections from 127.0.0.1 (pg_hba.conf, reload)
 *   replica-slot SERVER_URL SUPERUSER        create the replica's replication slot, if missing
 *   replica-backup SERVER_URL SUPERUSER PRIMARY_DATA_DIR REPLICA_DATA_DIR   low-level base backup made a standby
 *   replica-lag REPLICA_URL USER             the standby's replay lag in seconds
 *   replica-drop-slot SERVER_URL SUPERUSER   drop the replica's replication slot
 *   demo SURVEY_URL DASHBOARD_URL TOKEN STATE_DIR [COUNT]   register a demo organisation and feed it responses
 * </pre>
 */
public final class LocalRuntime {

    private LocalRuntime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int status = switch (args[0]) {
            case "create-topics" -> TopicSetup.run(rest);
            case "pg-check" -> DatabaseSetup.check(rest);
            case "init-db" -> DatabaseSetup.init(rest);
            case "drop-db" -> DatabaseSetup.drop(rest);
            case "embedded-postgres" -> EmbeddedPostgresServer.run(rest);
            case "replica-check" -> ReplicaSetup.check(rest);
            case "replica-allow" -> ReplicaSetup.allow(rest);
            case "replica-slot" -> ReplicaSetup.slot(rest);
            case "replica-backup" -> ReplicaSetup.backup(rest);
            case "replica-lag" -> ReplicaSetup.lag(rest);
            case "replica-drop-slot" -> ReplicaSetup.dropSlot(rest);
            case "demo" -> DemoFeeder.run(rest);
            default -> {
                usage();
                yield 2;
            }
        };
        System.exit(status);
    }

    private static void usage() {
        System.err.println("usage: LocalRuntime create-topics|pg-check|init-db|drop-db|embedded-postgres|replica-…|demo ARGS…");
        System.exit(2);
    }
}
