package org.newsflow.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.enrich.EnrichFactory;

/** Gold files with a DOCTYPE and external entities: nothing is read from outside the file. */
class XxeTest {
    private static final String SECRET = "top-secret-value-42";

    @TempDir
    Path dir;

    private Path secretFile() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        return secret;
    }

    @Test
    void lglReaderRefusesADoctypeWithAnExternalEntity() throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE articles [<!ENTITY xxe SYSTEM \"" + secretFile().toUri() + "\">]>\n"
                + "<articles><article docid=\"1\"><text>&xxe;</text><toponyms/></article></articles>\n";
        Path file = dir.resolve("lgl.xml");
        Files.writeString(file, xml);
        assertThatThrownBy(() -> CountryEval.parse(file, EnrichFactory.process().gazetteer(), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void lglReaderRefusesAnExternalDtd() throws Exception {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak SYSTEM \"" + secretFile().toUri() + "\">");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE articles SYSTEM \"" + dtd.toUri() + "\">\n<articles/>\n";
        Path file = dir.resolve("lgl.xml");
        Files.writeString(file, xml);
        assertThatThrownBy(() -> CountryEval.parse(file, EnrichFactory.process().gazetteer(), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void safeParserStillReadsAPlainGoldFile() throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n<articles><article docid=\"7\"><text><![CDATA[Floods in Lyon.]]></text></article></articles>\n";
        var doc = SafeXml.documentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("text").item(0).getTextContent()).isEqualTo("Floods in Lyon.");
    }

    @Test
    void petr2ReaderNeverExpandsEntities() throws Exception {
        // the PETR2 file is not well-formed XML and is read by pattern: an entity reference stays literal text
        String xml = "<!DOCTYPE Sentences [<!ENTITY xxe SYSTEM \"" + secretFile().toUri() + "\">]>\n<Sentences>\n"
                + "<Sentence date=\"20080804\" id=\"X_1\"><Text>Troops entered &xxe; on Monday.</Text></Sentence>\n</Sentences>\n";
        Path file = dir.resolve("petr2.xml");
        Files.writeString(file, xml);
        List<EventEval.Record> records = EventEval.read(file, EnrichFactory.process().eventLexicon());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).text()).contains("&xxe;").doesNotContain(SECRET);
    }
}
