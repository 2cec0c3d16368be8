# Sourced by bin/benchmark-spark and bin/benchmark-materialize: runs a main of the benchmarks-spark module
# on Spark. The reactor modules it needs are compiled (with their tests: --cluster starts the
# spark-engine tests' StandaloneCluster) and its class path written, without
# installing anything into ~/.m2; Spark on Java 17 needs its --add-opens list (the parent pom.xml
# keeps it, as spark.add-opens) in the JVM that runs the driver.
#   run_spark_benchmark HEAP MAIN_CLASS ARGS...
run_spark_benchmark() {
  local heap="$1" main="$2"; shift 2
  ./mvnw -q -B -pl benchmarks-spark -am -DskipTests \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=runtime \
    test-compile dependency:build-classpath
  local opens
  opens=$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' pom.xml)
  # shellcheck disable=SC2086
  exec java "-Xmx$heap" $opens \
    -cp "benchmarks-spark/target/classes:$(cat benchmarks-spark/target/benchmark.classpath)" "$main" "$@"
}
