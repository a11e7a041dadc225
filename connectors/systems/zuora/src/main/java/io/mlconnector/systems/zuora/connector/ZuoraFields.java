package io.mlconnector.systems.zuora.connector;

import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.systems.zuora.ZuoraEnvironment;
import io.mlconnector.systems.zuora.callout.CalloutAuth;
import io.mlconnector.systems.zuora.callout.HmacAlgorithm;
import io.mlconnector.systems.zuora.callout.SignatureEncoding;
import io.mlconnector.systems.zuora.callout.SignedText;

import java.util.List;

/** The keys, credential fields and settings every Zuora connection has, in people's words. */
public final class ZuoraFields {

    public static final String SYSTEM = "zuora";

    public static final String CLIENT_ID = "zuora_client_id";
    public static final String CLIENT_SECRET = "zuora_client_secret";
    public static final String ENTITY_IDS = "zuora_entity_ids";
    public static final String HMAC_KEY = "zuora_callout_hmac_key";
    public static final String CALLOUT_PASSWORD = "zuora_callout_password";

    public static final String ENVIRONMENT = "zuora_environment";
    public static final String CUSTOM_BASE_URL = "zuora_base_url";
    public static final String MAX_CONCURRENT = "zuora_max_concurrent";
    public static final String CALLOUT_AUTH = "callout_auth";
    public static final String HMAC_ALGORITHM = "callout_hmac_algorithm";
    public static final String HMAC_HEADER = "callout_hmac_header";
    public static final String HMAC_SIGNED = "callout_hmac_signed";
    public static final String HMAC_ENCODING = "callout_hmac_encoding";
    public static final String HMAC_PREFIX = "callout_hmac_prefix";
    public static final String CALLOUT_USERNAME = "callout_username";

    private ZuoraFields() {
    }

    public static List<CredentialField> credentials() {
        return List.of(
                CredentialField.plain(CLIENT_ID, "Zuora OAuth client id",
                        "In Zuora: Settings > Administration > Manage Users, your API user, OAuth Clients."),
                CredentialField.secret(CLIENT_SECRET, "Zuora OAuth client secret",
                        "Shown once by Zuora when the OAuth client is created."),
                CredentialField.plain(ENTITY_IDS, "Zuora entity id",
                        "Only for Multi-entity tenants whose OAuth client reaches several entities: the entity's id.").optional(),
                CredentialField.secret(HMAC_KEY, "Callout HMAC key",
                        "A long random text you also enter as the Key of the callout template's HMAC authentication. "
                                + "Several, separated by spaces, while you change it.").optional(),
                CredentialField.secret(CALLOUT_PASSWORD, "Callout password",
                        "The password you enter under Callout Authentication in Zuora's notifications.").optional());
    }

    public static List<SettingField> settings() {
        return List.of(
                SettingField.choice(ENVIRONMENT, "Zuora environment", "Where your Zuora tenant lives.",
                        ZuoraEnvironment.US_PRODUCTION_CLOUD_2.id(), ZuoraEnvironment.ids().toArray(String[]::new)),
                SettingField.text(CUSTOM_BASE_URL, "Zuora base URL", "Only with \"Another base URL\": e.g. https://rest.zuora.com.", ""),
                SettingField.number(MAX_CONCURRENT, "Concurrent Zuora requests",
                        "At most this many requests to Zuora at once (Zuora allows 200 per tenant, shared with its UI).", 8),
                SettingField.choice(CALLOUT_AUTH, "Callout authentication", "How Zuora's callouts prove they are yours.",
                        CalloutAuth.Mode.HMAC.id(), CalloutAuth.Mode.ids().toArray(String[]::new)),
                SettingField.choice(HMAC_ALGORITHM, "HMAC algorithm", "The Algorithm of the template's HMAC authentication.",
                        HmacAlgorithm.SHA_256.label(), HmacAlgorithm.labels().toArray(String[]::new)),
                SettingField.text(HMAC_HEADER, "HMAC header", "The Signed Header Key of the template's HMAC authentication.",
                        "X-Zuora-Signature"),
                SettingField.choice(HMAC_SIGNED, "HMAC data", "What the template's Data holds: the body followed by a new line "
                        + "(as Zuora ends every Data item), or the body exactly.", SignedText.BODY_AND_NEW_LINE.id(),
                        SignedText.ids().toArray(String[]::new)),
                SettingField.choice(HMAC_ENCODING, "Signature encoding", "How the signature is written in the header.",
                        SignatureEncoding.BASE64.id(), SignatureEncoding.ids().toArray(String[]::new)),
                SettingField.text(HMAC_PREFIX, "Text before the signature", "What the header Value has before "
                        + "{{ Data.HMAC.Signed }}, if anything, e.g. sha256=.", ""),
                SettingField.text(CALLOUT_USERNAME, "Callout user name", "The user name under Callout Authentication.", "zuora"));
    }
}
