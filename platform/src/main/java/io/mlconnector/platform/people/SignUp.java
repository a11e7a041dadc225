package io.mlconnector.platform.people;

import io.micronaut.serde.annotation.Serdeable;

/** What a new company gives to start: its name and its first person, who becomes the owner. */
@Serdeable
public record SignUp(String companyName, String name, String email, String password) {
}
