package org.newsflow.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;

/**
 * The published JSON Schemas (repository folder {@code schema/}, on the classpath as {@code schema/}),
 * for validating records in tests and, optionally, at the edges of the system.
 *
 * <p>The validator (networknt 3.x) reads JSON with Jackson 3 while the records use Jackson 2 ({@link Json}); a record
 * is therefore handed over as JSON text, which also checks exactly what goes on the wire.
 */
public final class ContractSchemas {
    private static final String BASE = "https://newsflow.org/schema/v1/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(BASE, "classpath:schema/"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_PATH).build())); // "$.field", as 1.x printed

    public static final Schema RAW = REGISTRY.getSchema(SchemaLocation.of(BASE + "raw-article.schema.json"));
    public static final Schema ENRICHED = REGISTRY.getSchema(SchemaLocation.of(BASE + "enriched-article.schema.json"));

    private ContractSchemas() {}

    /**
     * Violations of the schema, as readable messages ({@code $.path: what is wrong}); empty when the record is valid.
     *
     * @param record a record, a map, or a Jackson 2 tree: anything {@link Json} writes
     */
    public static List<String> violations(Schema schema, Object record) {
        return schema.validate(Json.toString(record), InputFormat.JSON).stream()
                .map(ContractSchemas::describe).sorted().toList();
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }
}
