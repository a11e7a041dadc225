package io.mlconnector.platform.ops;

import io.micronaut.serde.annotation.SerdeImport;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.ScheduleSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.api.spec.WebhookSource;

/** The connector API's value types, served as JSON; the API itself stays free of Micronaut. */
@SerdeImport(ConnectorSpec.class)
@SerdeImport(SystemSpec.class)
@SerdeImport(CredentialField.class)
@SerdeImport(SettingField.class)
@SerdeImport(WebhookSource.class)
@SerdeImport(ScheduleSpec.class)
@SerdeImport(CheckResult.class)
@SerdeImport(CheckResult.SideCheck.class)
@SerdeImport(SyncRecord.class)
@SerdeImport(io.mlconnector.api.context.MatchQuestion.class)
@SerdeImport(io.mlconnector.api.context.Choice.class)
final class ApiTypes {

    private ApiTypes() {
    }
}
