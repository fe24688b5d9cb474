# edgeplan as a container image:
#   docker build -t edgeplan .
#   docker run --rm -v "$PWD:/work" -u "$(id -u):$(id -g)" edgeplan check specs/ --format sarif -o edgeplan.sarif
# Build stage: the Debian 12 packages the project builds with (scripts/install-deps.sh,
# the same list CI uses), then the Debian package (cpack -G DEB). Runtime stage:
# that package installed with apt, so the runtime libraries come from its Depends.

FROM debian:12 AS build
COPY scripts/install-deps.sh /tmp/install-deps.sh
RUN /tmp/install-deps.sh --no-browser && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# No tests or benchmarks in the image build: CI runs the tests (.ci/run).
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DEDGEPLAN_BUILD_TESTS=OFF -DEDGEPLAN_BUILD_BENCH=OFF \
 && cmake --build build \
 && cd build && cpack -G DEB

FROM debian:12-slim
COPY --from=build /src/build/edgeplan_*.deb /tmp/
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/edgeplan_*.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/edgeplan_*.deb \
 && useradd --system --create-home --shell /usr/sbin/nologin edgeplan \
 && edgeplan --version
USER edgeplan
WORKDIR /work
ENTRYPOINT ["edgeplan"]
CMD ["--help"]
