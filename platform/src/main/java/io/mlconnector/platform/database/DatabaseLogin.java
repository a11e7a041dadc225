package io.mlconnector.platform.database;

/** Where the database is and how the application signs in to it. */
public record DatabaseLogin(String url, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseLogin[url=" + url + ", user=" + user + "]";
    }
}
