package org.newsflow.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Set;

/**
 * The published JSON Schemas (repository folder {@code schema/}, on the classpath as {@code schema/}),
 * for validating records in tests and, optionally, at the edges of the system.
 */
public final class ContractSchemas {
    private static final String BASE = "https://newsflow.org/schema/v1/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schema/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    public static final JsonSchema RAW = FACTORY.getSchema(SchemaLocation.of(BASE + "raw-article.schema.json"), CONFIG);
    public static final JsonSchema ENRICHED = FACTORY.getSchema(SchemaLocation.of(BASE + "enriched-article.schema.json"), CONFIG);

    private ContractSchemas() {}

    /** Violations of the schema, as readable messages; empty when the record is valid. */
    public static List<String> violations(JsonSchema schema, Object record) {
        JsonNode node = Json.MAPPER.valueToTree(record);
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
