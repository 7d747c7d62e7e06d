package org.inkstone.web;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * {@code inkstone user NAME ROLE... [--users FILE]}: adds a user of the operator and review pages
 * to the users file ({@link Access}), or replaces that user's password and roles. Roles are
 * {@code operator} and {@code reviewer}. The password is read from the terminal without echo, or
 * as the first line of standard input when there is no terminal; it is stored hashed with BCrypt
 * (Spring Security's delegating encoder, {@code {bcrypt}$2a$10$…}), never in clear. The file is
 * readable by its owner only.
 */
public final class Users {

    /** Usage of the command. */
    public static final String USAGE = "usage: inkstone user NAME operator|reviewer... [--users FILE]";

    private Users() {
    }

    /**
     * @param args  the arguments after {@code user}
     * @param stdin where the password is read from when there is no terminal
     * @param out   where the result is said
     * @param err   where errors are said
     * @return 0 when the user was written, 64 for usage errors, 2 when the file cannot be written
     */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        Path file = Path.of(System.getProperty("user.home"), ".config", "inkstone", "users.properties");
        String name = null;
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--users") && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else if (name == null && args[i].matches("[A-Za-z0-9._@-]{1,64}")) {
                name = args[i];
            } else if (List.of("operator", "reviewer").contains(args[i].toLowerCase(Locale.ROOT))) {
                roles.add("ROLE_" + args[i].toUpperCase(Locale.ROOT));
            } else {
                err.println("inkstone: " + (name == null ? "a user name is letters, digits and . _ @ - (at most 64), not "
                        : "unknown role ") + args[i]);
                err.println(USAGE);
                return 64;
            }
        }
        if (name == null || roles.isEmpty()) {
            err.println(USAGE);
            return 64;
        }
        String password = password(stdin);
        if (password == null || password.length() < 8) {
            err.println("inkstone: the password needs at least 8 characters");
            return 64;
        }
        try {
            Properties users = new Properties();
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    users.load(in);
                }
            }
            String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password);
            users.setProperty(name, hash + "," + String.join(",", roles));
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            try (OutputStream o = Files.newOutputStream(file)) {
                users.store(o, "Inkstone users: name=BCRYPT-HASH,ROLE_...  (./inkstone user NAME ROLE... writes them)");
            }
        } catch (IOException e) {
            err.println("inkstone: cannot write " + file + ": " + e.getMessage());
            return 2;
        }
        out.println("inkstone: user " + name + " (" + String.join(", ", roles).replace("ROLE_", "").toLowerCase(Locale.ROOT)
                + ") in " + file + "; a running reading room reads it when restarted");
        return 0;
    }

    private static String password(InputStream stdin) {
        Console console = System.console();
        if (console != null && stdin == System.in) {
            char[] p = console.readPassword("password: ");
            return p == null ? null : new String(p);
        }
        try {
            return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
