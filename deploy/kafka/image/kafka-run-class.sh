#!/usr/bin/env bash
# Runs a Kafka main class with the image's jars, like bin/kafka-run-class.sh of the distribution.
KAFKA_HOME="${KAFKA_HOME:-/opt/kafka}"
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${KAFKA_OPTS:-} \
    "-Dlog4j2.configurationFile=$KAFKA_HOME/config/tools-log4j2.json" \
    -cp "$KAFKA_HOME/libs/*" "$@"
