package dev.tollgate.stack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class TemplateTest {

  @Test
  void shouldFillEveryPlaceholderWithItsValue() {
    // given
    Template template = new Template("t", "a={{first}} b={{second}} again={{first}}", UnaryOperator.identity());

    // when
    String rendered = template.render(Map.of("first", 1, "second", "two"));

    // then
    assertThat(rendered).isEqualTo("a=1 b=two again=1");
  }

  @Test
  void shouldNameTheTemplateAndThePlaceholderThatHasNoValue() {
    // given
    Template template = new Template("server.properties", "port={{port}} dir={{logDir}}", UnaryOperator.identity());

    // when / then
    assertThatThrownBy(() -> template.render(Map.of("port", 9092)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("template server.properties: no value for placeholder {{logDir}}");
  }

  @Test
  void shouldEscapeValuesSoThatXmlStaysWellFormed() throws Exception {
    // given
    Template template = new Template("x.xml", "<path>{{path}}</path>", Template::escapeXml);

    // when
    String rendered = template.render(Map.of("path", "/data/R&D <old>/"));

    // then
    assertThat(parse(rendered).getDocumentElement().getTextContent()).isEqualTo("/data/R&D <old>/");
  }

  @Test
  void shouldKeepDollarSignsAndBackslashesInValuesLiteral() {
    // given
    Template template = new Template("p", "dir={{dir}}", Template::escapeProperty);

    // when
    String rendered = template.render(Map.of("dir", "/tmp/$1\\x"));

    // then
    assertThat(loadProperties(rendered).getProperty("dir")).isEqualTo("/tmp/$1\\x");
  }

  @Test
  void shouldRenderTheShippedBrokerConfigForOneNodeOnLoopback() {
    // given
    Template template = Template.properties("kafka-server.properties");

    // when
    Properties broker = loadProperties(template.render(Map.of("port", 19092, "controllerPort", 19093, "logDirs", "/d/kraft")));

    // then
    assertThat(broker.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
    assertThat(broker.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
    assertThat(broker.getProperty("log.dirs")).isEqualTo("/d/kraft");
    assertThat(broker.getProperty("auto.create.topics.enable")).isEqualTo("false");
    assertThat(broker.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
    assertThat(broker).containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("share.coordinator.state.topic.replication.factor", "1")
        .containsEntry("share.coordinator.state.topic.min.isr", "1");
  }

  @Test
  void shouldRenderTheShippedClickHouseConfigWithPortsAndFoldersFilledIn() throws Exception {
    // given
    ClickHouseLayout layout = new ClickHouseLayout(Path.of("/srv/ch"));
    Map<String, Object> values = Map.of("logDir", layout.logDir(), "httpPort", 18123, "tcpPort", 19000,
        "interserverPort", 19009, "dataPath", layout.folder("data"), "tmpPath", layout.folder("tmp"),
        "userFilesPath", layout.folder("user_files"), "formatSchemaPath", layout.folder("format_schemas"),
        "usersConfig", layout.usersConfig());

    // when
    Document config = parse(Template.xml("clickhouse-config.xml").render(values));

    // then
    assertThat(text(config, "listen_host")).isEqualTo("127.0.0.1");
    assertThat(text(config, "http_port")).isEqualTo("18123");
    assertThat(text(config, "tcp_port")).isEqualTo("19000");
    assertThat(text(config, "interserver_http_port")).isEqualTo("19009");
    assertThat(text(config, "path")).isEqualTo("/srv/ch/data/");
    assertThat(text(config, "tmp_path")).isEqualTo("/srv/ch/tmp/");
    assertThat(text(config, "users_config")).isEqualTo("/srv/ch/config/users.xml");
    assertThat(text(config, "log")).isEqualTo("/srv/ch/logs/clickhouse-server.log");
    assertThat(Long.parseLong(text(config, "max_bytes_to_merge_at_max_space_in_pool"))).isEqualTo(256L << 20);
  }

  @Test
  void shouldShipWellFormedLoggingAndUsersConfigs() throws Exception {
    // given
    Template log4j = Template.xml("kafka-log4j2.xml");
    Template users = Template.xml("clickhouse-users.xml");

    // when
    Document logging = parse(log4j.render(Map.of("logDir", "/srv/kafka/logs")));
    Document usersConfig = parse(users.render(Map.of()));

    // then
    assertThat(logging.getElementsByTagName("RollingFile").item(0).getAttributes().getNamedItem("fileName").getNodeValue())
        .isEqualTo("/srv/kafka/logs/server.log");
    assertThat(logging.getElementsByTagName("Console").getLength()).isZero();
    assertThat(usersConfig.getElementsByTagName("default").getLength()).isGreaterThan(0);
    assertThat(text(usersConfig, "password")).isEmpty();
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Document document, String element) {
    return document.getElementsByTagName(element).item(0).getTextContent();
  }

  private static Properties loadProperties(String text) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return properties;
  }
}
