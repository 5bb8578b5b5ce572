package dev.tollgate.stack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import org.junit.jupiter.api.Test;

class BrokerClasspathTest {

  @Test
  void shouldListTheBrokerAndItsLoggingBackendFromTheBuild() {
    // when
    String classpath = BrokerClasspath.load();

    // then
    assertThat(classpath.split(File.pathSeparator))
        .anyMatch(jar -> jar.contains("kafka_2.13-"))
        .anyMatch(jar -> jar.contains("kafka-clients-"))
        .anyMatch(jar -> jar.contains("log4j-core-"))
        .anyMatch(jar -> jar.contains("log4j-slf4j2-impl-"))
        .noneMatch(jar -> jar.contains("slf4j-simple"))
        .noneMatch(jar -> jar.contains("junit"));
  }

  @Test
  void shouldNameTheJarsThatAreMissing() {
    // given
    String classpath = "/nowhere/kafka_2.13-0.0.jar" + File.pathSeparator + "/nowhere/scala-library.jar";

    // when / then
    assertThatThrownBy(() -> BrokerClasspath.verified(classpath))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nowhere/kafka_2.13-0.0.jar")
        .hasMessageContaining("/nowhere/scala-library.jar")
        .hasMessageContaining("mvn -pl stack install");
  }
}
