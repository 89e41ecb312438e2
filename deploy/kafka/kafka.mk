# Apache Kafka for factwire: the jars for the local broker, and a container image for the tests.
# Included by the Makefile. The pinned version lives in deploy/kafka/pom.xml only.
#
#   make kafka-jars        resolve the broker jars from Maven Central into .cache/kafka/<v>/libs
#   make container-engine  where no Docker engine answers: install, configure and start Podman
#   make kafka-image       Docker engine: nothing to build (tests pull apache/kafka:<v>);
#                          otherwise build localhost/factwire-kafka:<v> from the same jars

KAFKA_POM := deploy/kafka/pom.xml
KAFKA_VERSION := $(shell sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' $(KAFKA_POM))
KAFKA_LIBS := $(CACHE)/kafka/$(KAFKA_VERSION)/libs
KAFKA_JARS_STAMP := $(KAFKA_LIBS)/.complete
KAFKA_LOCAL_IMAGE := localhost/factwire-kafka:$(KAFKA_VERSION)
MVN ?= mvn

kafka-jars: $(KAFKA_JARS_STAMP)  ## resolve the pinned Kafka broker jars (Maven) into .cache/kafka

$(KAFKA_JARS_STAMP): $(KAFKA_POM)
	@command -v $(MVN) >/dev/null || { echo "kafka-jars: Maven (mvn) and Java 17+ are needed: apt-get install maven openjdk-17-jre-headless"; exit 1; }
	@echo "kafka-jars: resolving Apache Kafka $(KAFKA_VERSION) from Maven Central"
	rm -rf $(KAFKA_LIBS).partial
	$(MVN) -B -q -f $(KAFKA_POM) dependency:copy-dependencies -DincludeScope=runtime \
		-DoutputDirectory=$(abspath $(KAFKA_LIBS)).partial
	rm -rf $(KAFKA_LIBS)
	mv $(KAFKA_LIBS).partial $(KAFKA_LIBS)
	touch $@

container-engine:  ## Docker engine, or else Podman installed, configured and serving the Docker API
	@. ./deploy/container-engine.sh && echo "container engine: $$FACTWIRE_CONTAINER_ENGINE"

kafka-image: kafka-jars  ## the Kafka image the integration tests run (built locally under Podman)
	@. ./deploy/container-engine.sh && \
	if [ "$$FACTWIRE_CONTAINER_ENGINE" = docker ]; then \
		echo "kafka-image: a Docker engine answers; tests use apache/kafka:$(KAFKA_VERSION)"; \
	else \
		bash deploy/kafka/image/build.sh $(KAFKA_VERSION) $(abspath $(KAFKA_LIBS)) $(KAFKA_LOCAL_IMAGE); \
	fi
