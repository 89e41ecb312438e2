# placeholder: filled in by the local-broker work
kafka-jars:
kafka-image:
