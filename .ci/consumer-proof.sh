#!/usr/bin/env bash
# The consumer proof of the NuGet packages (issue 5), as a user would meet them:
#   0. pack MagicHour.Codegen and MagicHour.Runtime into a local feed;
#   1. a fresh `dotnet new console` in a temporary folder adds only the PackageReference and the openapi.json
#      AdditionalFile, and builds with TreatWarningsAsErrors, nullable and the trim/AOT/single-file analyzers on;
#   2. runs it against the emulator: create, poll until complete, download, check the PNG;
#   3. changes openapi.json (a new enum value, a deprecated one) and rebuilds: the new member compiles, the deprecated
#      one is [Obsolete] and warns CS0618;
#   4. publishes it trimmed for linux-x64, self-contained, with no warning, and runs the binary against the emulator;
#   5. app -> library -> package: the library (net8.0) exposes its generated client; the app gets MagicHour.Runtime
#      through it, but the generator is not handed to the app's compiler and no MHCG build check runs there;
#   6. the MSBuild checks: MHCG0100 (no openapi.json), MHCG0103 (LangVersion 10), MHCG0102 (netstandard2.0).
# The consumer restores into its own NUGET_PACKAGES folder and takes MagicHour.* only from the fresh packages (package
# source mapping), so a stale cached copy cannot hide a broken package.
# Needs: the .NET 10 SDK, python3 (the spec edit), the NuGet source the machine already uses.
# MAGICHOUR_KEEP_CONSUMER=1 keeps the temporary folder; it is always kept when a step fails.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PROOF="$ROOT/.ci/consumer-proof"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/magichour-consumer.XXXXXX")"
FEED="$WORK/feed"
LOGS="$WORK/logs"
mkdir -p "$FEED" "$LOGS" "$WORK/nuget-packages"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

EMULATOR_PID=""
PASSED=0
SUMMARY=()

cleanup() {
  local status=$?
  if [ -n "$EMULATOR_PID" ] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
    kill "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] || [ "${MAGICHOUR_KEEP_CONSUMER:-}" = "1" ]; then
    echo "consumer-proof: work folder kept at $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "consumer-proof: $*"; }

# fail MESSAGE [LOG]: print the message and the end of the log, then stop.
fail() {
  echo "consumer-proof: FAILED: $1" >&2
  if [ -n "${2:-}" ] && [ -f "$2" ]; then
    echo "----- last lines of $2 -----" >&2
    tail -n 60 "$2" >&2
    echo "-----" >&2
  fi
  exit 1
}

pass() {
  PASSED=$((PASSED + 1))
  say "ok $PASSED - $*"
}

now_ms() { date +%s%3N; }
seconds_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
kib() { awk -v n="$(stat -c %s "$1")" 'BEGIN { printf "%.0f KiB", n / 1024 }'; }

# The consumer's dotnet: its own packages folder; everything else (sources, http cache) as on the machine.
cdotnet() { NUGET_PACKAGES="$WORK/nuget-packages" dotnet "$@"; }

# run LOG CMD...: run a command with its output in LOG; fail with the log's end if it fails.
run() {
  local log="$1"
  shift
  local status=0
  "$@" >"$log" 2>&1 || status=$?
  [ "$status" -eq 0 ] || fail "$* (exit code $status)" "$log"
}

command -v python3 >/dev/null || fail "python3 is needed to edit the OpenAPI document in step 3"

# ---------------------------------------------------------------------------------------------------------------------
# 0. Pack
# ---------------------------------------------------------------------------------------------------------------------
say "work folder $WORK"
start=$(now_ms)
run "$LOGS/pack.log" dotnet pack "$ROOT/runtime/MagicHour.Runtime/MagicHour.Runtime.csproj" -c Release -o "$FEED"
run "$LOGS/pack-codegen.log" dotnet pack "$ROOT/generator/MagicHour.Codegen/MagicHour.Codegen.csproj" -c Release -o "$FEED"
PACK_TIME=$(seconds_since "$start")

CODEGEN_NUPKG=$(ls "$FEED"/MagicHour.Codegen.*.nupkg 2>/dev/null | head -n 1 || true)
RUNTIME_NUPKG=$(ls "$FEED"/MagicHour.Runtime.*.nupkg 2>/dev/null | head -n 1 || true)
RUNTIME_SNUPKG=$(ls "$FEED"/MagicHour.Runtime.*.snupkg 2>/dev/null | head -n 1 || true)
[ -n "$CODEGEN_NUPKG" ] || fail "no MagicHour.Codegen package in $FEED" "$LOGS/pack-codegen.log"
[ -n "$RUNTIME_NUPKG" ] || fail "no MagicHour.Runtime package in $FEED" "$LOGS/pack.log"
[ -n "$RUNTIME_SNUPKG" ] || fail "no MagicHour.Runtime symbols package in $FEED" "$LOGS/pack.log"
VERSION=$(basename "$CODEGEN_NUPKG" .nupkg)
VERSION=${VERSION#MagicHour.Codegen.}

# The layout the issue asks for.
codegen_files=$(unzip -Z1 "$CODEGEN_NUPKG")
for f in analyzers/dotnet/cs/MagicHour.Codegen.dll analyzers/dotnet/cs/Microsoft.OpenApi.dll \
         build/MagicHour.Codegen.props build/MagicHour.Codegen.targets \
         buildTransitive/MagicHour.Codegen.props buildTransitive/MagicHour.Codegen.targets README.md; do
  grep -qx "$f" <<<"$codegen_files" || fail "MagicHour.Codegen.$VERSION.nupkg has no $f"
done
if grep -q '^lib/' <<<"$codegen_files"; then fail "MagicHour.Codegen must not put anything in lib/ (it would flow to the consumer's references)"; fi
codegen_nuspec=$(unzip -p "$CODEGEN_NUPKG" MagicHour.Codegen.nuspec)
grep -q "<dependency id=\"MagicHour.Runtime\" version=\"$VERSION\"" <<<"$codegen_nuspec" || fail "MagicHour.Codegen does not depend on MagicHour.Runtime $VERSION"
grep -q '<developmentDependency>true' <<<"$codegen_nuspec" && fail "MagicHour.Codegen must not be a developmentDependency (MagicHour.Runtime would stop flowing)"
runtime_files=$(unzip -Z1 "$RUNTIME_NUPKG")
for f in lib/net8.0/MagicHour.Runtime.dll lib/net8.0/MagicHour.Runtime.xml lib/net10.0/MagicHour.Runtime.dll README.md; do
  grep -qx "$f" <<<"$runtime_files" || fail "MagicHour.Runtime.$VERSION.nupkg has no $f"
done
for nuspec in "$codegen_nuspec" "$(unzip -p "$RUNTIME_NUPKG" MagicHour.Runtime.nuspec)"; do
  for element in '<license type="expression">' '<readme>README.md</readme>' '<description>' '<tags>'; do
    grep -qF "$element" <<<"$nuspec" || fail "a package's nuspec has no $element"
  done
done
contents() { grep -v -e '^_rels/' -e '^package/' -e '^\[Content_Types\]' -e '\.nuspec$' | tr '\n' ' '; }
say "MagicHour.Codegen.$VERSION.nupkg: $(contents <<<"$codegen_files")"
say "MagicHour.Runtime.$VERSION.nupkg: $(contents <<<"$runtime_files")"
pass "packed MagicHour.Codegen $VERSION ($(kib "$CODEGEN_NUPKG")) and MagicHour.Runtime $VERSION ($(kib "$RUNTIME_NUPKG"), symbols $(kib "$RUNTIME_SNUPKG")) in ${PACK_TIME} s"
SUMMARY+=("package MagicHour.Codegen.$VERSION.nupkg: $(kib "$CODEGEN_NUPKG") ($(stat -c %s "$CODEGEN_NUPKG") bytes)")
SUMMARY+=("package MagicHour.Runtime.$VERSION.nupkg: $(kib "$RUNTIME_NUPKG") ($(stat -c %s "$RUNTIME_NUPKG") bytes), .snupkg $(kib "$RUNTIME_SNUPKG")")

# ---------------------------------------------------------------------------------------------------------------------
# The consumers' surroundings: a nuget.config with the fresh feed and the machine's own sources, and empty
# Directory.Build.* files so nothing above the temporary folder leaks in.
# ---------------------------------------------------------------------------------------------------------------------
machine_sources=$(cd "$WORK" && dotnet nuget list source --format detailed 2>/dev/null | awk '
  /^[[:space:]]*[0-9]+\.[[:space:]]+.*\[Enabled\]/ { name = $2; next }
  name != "" && NF == 1 { print name "\t" $1; name = "" }' || true)
if [ -z "$machine_sources" ]; then
  machine_sources=$'nuget.org\thttps://api.nuget.org/v3/index.json'
fi
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  echo '    <clear />'
  echo "    <add key=\"magichour-fresh\" value=\"$FEED\" />"
  while IFS=$'\t' read -r name url; do echo "    <add key=\"$name\" value=\"$url\" />"; done <<<"$machine_sources"
  echo '  </packageSources>'
  echo '  <packageSourceMapping>'
  echo '    <packageSource key="magichour-fresh">'
  echo '      <package pattern="MagicHour.Codegen" />'
  echo '      <package pattern="MagicHour.Runtime" />'
  echo '    </packageSource>'
  while IFS=$'\t' read -r name url; do
    echo "    <packageSource key=\"$name\"><package pattern=\"*\" /></packageSource>"
  done <<<"$machine_sources"
  echo '  </packageSourceMapping>'
  echo '</configuration>'
} >"$WORK/nuget.config"
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' >"$WORK/$f"; done

# ---------------------------------------------------------------------------------------------------------------------
# 1. A fresh console project with the two lines, built strictly
# ---------------------------------------------------------------------------------------------------------------------
CONSUMER="$WORK/Consumer"
run "$LOGS/new.log" dotnet new console --name Consumer --output "$CONSUMER" --framework net10.0 --no-restore
cp "$PROOF/Consumer/Program.cs" "$CONSUMER/Program.cs"
cp "$ROOT/spec/openapi.json" "$CONSUMER/openapi.json"
python3 - "$CONSUMER/Consumer.csproj" "$VERSION" <<'PY'
import sys
path, version = sys.argv[1], sys.argv[2]
text = open(path).read()
addition = f"""
  <!-- Strict build settings of the proof (not needed by the package). -->
  <PropertyGroup>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <EnableTrimAnalyzer>true</EnableTrimAnalyzer>
    <EnableAotAnalyzer>true</EnableAotAnalyzer>
    <EnableSingleFileAnalyzer>true</EnableSingleFileAnalyzer>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>

  <!-- The two lines a user adds. -->
  <ItemGroup>
    <PackageReference Include="MagicHour.Codegen" Version="{version}" />
    <AdditionalFiles Include="openapi.json" />
  </ItemGroup>

</Project>"""
assert text.rstrip().endswith("</Project>"), "unexpected dotnet new output"
open(path, "w").write(text.rstrip()[: -len("</Project>")].rstrip() + "\n" + addition + "\n")
PY

start=$(now_ms)
run "$LOGS/build-cold.log" cdotnet build "$CONSUMER" -c Release
COLD_BUILD=$(seconds_since "$start")
grep -Eq ': warning [A-Z]+[0-9]+' "$LOGS/build-cold.log" && fail "the consumer build has warnings" "$LOGS/build-cold.log"
grep -q 'MHCG' "$LOGS/build-cold.log" && fail "the consumer build reports MagicHour.Codegen diagnostics" "$LOGS/build-cold.log"
# The packages came from the fresh feed, into the isolated folder.
[ -f "$WORK/nuget-packages/magichour.codegen/$VERSION/analyzers/dotnet/cs/MagicHour.Codegen.dll" ] || fail "MagicHour.Codegen was not restored into the isolated packages folder"
[ -f "$CONSUMER/bin/Release/net10.0/MagicHour.Runtime.dll" ] || fail "MagicHour.Runtime.dll is not in the consumer's output"
GENERATED="$CONSUMER/obj/Release/net10.0/generated/MagicHour.Codegen/MagicHour.Codegen.OpenApiClientGenerator"
[ -d "$GENERATED" ] || fail "no generated files in $GENERATED" "$LOGS/build-cold.log"
MODEL_FILE=$(grep -lE '(struct|class|record) AiImageGeneratorCreateRequestModel\b' "$GENERATED"/*.cs | head -n 1 || true)
[ -n "$MODEL_FILE" ] || fail "no generated AiImageGeneratorCreateRequestModel"
grep -q 'NanoBanana3' "$MODEL_FILE" && fail "NanoBanana3 exists before the spec adds it"
grep -B1 -E 'AiImageGeneratorCreateRequestModel NanoBanana( =| \{)' "$MODEL_FILE" | grep -q 'Obsolete' && fail "NanoBanana is [Obsolete] before the spec deprecates it"

start=$(now_ms)
run "$LOGS/build-noop.log" cdotnet build "$CONSUMER" -c Release --no-restore
NOOP_BUILD=$(seconds_since "$start")
pass "fresh console project builds with the package (TreatWarningsAsErrors, nullable, trim/AOT analyzers): cold ${COLD_BUILD} s with restore, no-op ${NOOP_BUILD} s"

# ---------------------------------------------------------------------------------------------------------------------
# 2. Run it against the emulator
# ---------------------------------------------------------------------------------------------------------------------
run "$LOGS/emulator-build.log" dotnet build "$ROOT/samples/MagicHour.Emulator/MagicHour.Emulator.csproj" -c Release
EMULATOR_DLL="$ROOT/samples/MagicHour.Emulator/bin/Release/net10.0/MagicHour.Emulator.dll"
[ -f "$EMULATOR_DLL" ] || fail "the emulator did not build to $EMULATOR_DLL" "$LOGS/emulator-build.log"
# Port 0: the emulator takes a free port on 127.0.0.1 and prints its address.
dotnet "$EMULATOR_DLL" --urls http://127.0.0.1:0 >"$LOGS/emulator.log" 2>&1 &
EMULATOR_PID=$!
EMULATOR_URL=""
for _ in $(seq 1 300); do
  EMULATOR_URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$LOGS/emulator.log" | head -n 1 || true)
  [ -n "$EMULATOR_URL" ] && break
  kill -0 "$EMULATOR_PID" 2>/dev/null || fail "the emulator exited" "$LOGS/emulator.log"
  sleep 0.2
done
[ -n "$EMULATOR_URL" ] || fail "the emulator did not start within 60 s" "$LOGS/emulator.log"
export MAGICHOUR_EMULATOR_URL="$EMULATOR_URL"
say "emulator at $EMULATOR_URL (pid $EMULATOR_PID)"

run "$LOGS/run.log" "$CONSUMER/bin/Release/net10.0/Consumer"
grep -q '^consumer: OK' "$LOGS/run.log" || fail "the consumer did not report OK" "$LOGS/run.log"
pass "the consumer created, polled and downloaded through the generated client: $(sed -n 's/^consumer: OK //p' "$LOGS/run.log")"

# ---------------------------------------------------------------------------------------------------------------------
# 3. A changed spec changes the client
# ---------------------------------------------------------------------------------------------------------------------
cp "$CONSUMER/openapi.json" "$WORK/openapi.original.json"
python3 - "$WORK/openapi.original.json" "$CONSUMER/openapi.json" <<'PY'
import json, sys
source, target = sys.argv[1], sys.argv[2]
document = json.load(open(source))
changed = 0
def walk(node):
    global changed
    if isinstance(node, dict):
        values = node.get("enum")
        if isinstance(values, list) and "nano-banana" in values and "nano-banana-3" not in values:
            values.append("nano-banana-3")
            node["x-enum-deprecated"] = {"nano-banana": "Use nano-banana-2 instead."}
            changed += 1
        for value in node.values():
            walk(value)
    elif isinstance(node, list):
        for value in node:
            walk(value)
walk(document)
if changed == 0:
    sys.exit("no enum with 'nano-banana' in the spec")
json.dump(document, open(target, "w"), indent=2)
PY
cp "$PROOF/Consumer/SpecChange.cs.txt" "$CONSUMER/SpecChange.cs"
start=$(now_ms)
run "$LOGS/build-changed.log" cdotnet build "$CONSUMER" -c Release --no-restore -p:TreatWarningsAsErrors=false
CHANGED_BUILD=$(seconds_since "$start")
grep -q 'NanoBanana3' "$MODEL_FILE" || fail "the regenerated model enum has no NanoBanana3" "$LOGS/build-changed.log"
grep -B1 -E 'AiImageGeneratorCreateRequestModel NanoBanana( =| \{)' "$MODEL_FILE" | grep -q 'Obsolete' || fail "NanoBanana is not [Obsolete] after the spec deprecates it"
cs0618=$(grep 'warning CS0618' "$LOGS/build-changed.log" | sort -u)
[ -n "$cs0618" ] || fail "using the deprecated NanoBanana did not warn CS0618" "$LOGS/build-changed.log"
grep -q "SpecChange.cs(10,.*'AiImageGeneratorCreateRequestModel.NanoBanana' is obsolete" <<<"$cs0618" || fail "CS0618 is not on the line that uses NanoBanana: $cs0618"
grep -q 'nano-banana-2' <<<"$cs0618" || fail "CS0618 does not carry the spec's message: $cs0618"
[ "$(wc -l <<<"$cs0618")" -eq 1 ] || fail "more CS0618 warnings than the one expected: $cs0618"
grep -q 'Warning As Error\|error CS' "$LOGS/build-changed.log" && fail "the changed build has errors" "$LOGS/build-changed.log"
pass "the changed spec rebuilt in ${CHANGED_BUILD} s: NanoBanana3 appeared, NanoBanana is [Obsolete]: $(sed -e 's/.*warning CS0618: //' -e 's/ \[.*//' <<<"$cs0618")"
rm "$CONSUMER/SpecChange.cs"
cp "$WORK/openapi.original.json" "$CONSUMER/openapi.json"

# ---------------------------------------------------------------------------------------------------------------------
# 4. Trimmed, self-contained publish with no warning, run against the emulator
# ---------------------------------------------------------------------------------------------------------------------
start=$(now_ms)
run "$LOGS/publish.log" cdotnet publish "$CONSUMER" -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true -o "$WORK/publish"
PUBLISH_TIME=$(seconds_since "$start")
grep -Eq 'warning [A-Z]+[0-9]+' "$LOGS/publish.log" && fail "the trimmed publish has warnings" "$LOGS/publish.log"
grep -q 'Optimizing assemblies for size' "$LOGS/publish.log" || fail "the publish did not trim" "$LOGS/publish.log"
[ -x "$WORK/publish/Consumer" ] || fail "no published binary"
run "$LOGS/run-published.log" "$WORK/publish/Consumer"
grep -q '^consumer: OK' "$LOGS/run-published.log" || fail "the published consumer did not report OK" "$LOGS/run-published.log"
grep -q 'json-reflection=off' "$LOGS/run-published.log" || fail "the published consumer still allows reflection-based JSON" "$LOGS/run-published.log"
PUBLISH_DIR_SIZE=$(du -sm "$WORK/publish" | cut -f 1)
pass "trimmed self-contained publish in ${PUBLISH_TIME} s with no warning; the binary ran with reflection-based JSON off"
SUMMARY+=("consumer build: cold ${COLD_BUILD} s (restore + build), no-op incremental ${NOOP_BUILD} s, after a spec change ${CHANGED_BUILD} s")
SUMMARY+=("trimmed publish: ${PUBLISH_TIME} s; apphost Consumer $(kib "$WORK/publish/Consumer"), Consumer.dll $(kib "$WORK/publish/Consumer.dll"), MagicHour.Runtime.dll $(kib "$WORK/publish/MagicHour.Runtime.dll"), whole folder ${PUBLISH_DIR_SIZE} MiB")

# ---------------------------------------------------------------------------------------------------------------------
# 5. app -> library -> package
# ---------------------------------------------------------------------------------------------------------------------
mkdir -p "$WORK/Lib" "$WORK/App"
cp "$PROOF/Lib/ImageService.cs" "$WORK/Lib/"
cp "$ROOT/spec/openapi.json" "$WORK/Lib/openapi.json"
cat >"$WORK/Lib/Lib.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <IsAotCompatible>true</IsAotCompatible>
    <GenerateDocumentationFile>true</GenerateDocumentationFile>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <MagicHourCodegenNamespace>Lib.Api</MagicHourCodegenNamespace>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="MagicHour.Codegen" Version="$VERSION" />
    <AdditionalFiles Include="openapi.json" MagicHourClientName="ImageApiClient" />
  </ItemGroup>
</Project>
EOF
cp "$PROOF/App/Program.cs" "$WORK/App/"
cat >"$WORK/App/App.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <EnableTrimAnalyzer>true</EnableTrimAnalyzer>
    <EnableAotAnalyzer>true</EnableAotAnalyzer>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="../Lib/Lib.csproj" />
  </ItemGroup>
</Project>
EOF
run "$LOGS/app-build.log" cdotnet build "$WORK/App/App.csproj" -c Release
grep -q 'MHCG' "$LOGS/app-build.log" && fail "MagicHour.Codegen's build checks ran in the app" "$LOGS/app-build.log"
grep -Eq ': warning [A-Z]+[0-9]+' "$LOGS/app-build.log" && fail "the app -> library build has warnings" "$LOGS/app-build.log"
[ -d "$WORK/Lib/obj/Release/net8.0/generated/MagicHour.Codegen" ] || fail "the generator did not run in the library" "$LOGS/app-build.log"
[ -e "$WORK/App/obj/Release/net10.0/generated/MagicHour.Codegen" ] && fail "the generator ran in the app"
run "$LOGS/lib-analyzers.log" cdotnet msbuild "$WORK/Lib/Lib.csproj" -p:Configuration=Release -t:ResolveLockFileAnalyzers -getItem:Analyzer
run "$LOGS/app-analyzers.log" cdotnet msbuild "$WORK/App/App.csproj" -p:Configuration=Release -t:ResolveLockFileAnalyzers -getItem:Analyzer
grep -q 'MagicHour.Codegen.dll' "$LOGS/lib-analyzers.log" || fail "the library has no MagicHour.Codegen analyzer" "$LOGS/lib-analyzers.log"
grep -q 'MagicHour.Codegen\|Microsoft.OpenApi' "$LOGS/app-analyzers.log" && fail "the generator flowed on to the app as an analyzer" "$LOGS/app-analyzers.log"
[ -f "$WORK/App/bin/Release/net10.0/MagicHour.Runtime.dll" ] || fail "MagicHour.Runtime did not flow on to the app"
run "$LOGS/app-run.log" "$WORK/App/bin/Release/net10.0/App"
grep -q '^app: OK' "$LOGS/app-run.log" || fail "the app did not report OK" "$LOGS/app-run.log"
pass "app -> library (net8.0, Lib.Api.ImageApiClient) -> package: MagicHour.Runtime flowed to the app, the generator and its checks did not; $(sed -n 's/^app: OK //p' "$LOGS/app-run.log")"

# ---------------------------------------------------------------------------------------------------------------------
# 6. The MSBuild checks
# ---------------------------------------------------------------------------------------------------------------------
mkdir -p "$WORK/Checks"
cp "$ROOT/spec/openapi.json" "$WORK/Checks/openapi.json"
cat >"$WORK/Checks/Checks.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <!-- A property of its own: restore ignores a TargetFramework given on the command line. -->
    <TargetFramework>\$(CheckFramework)</TargetFramework>
    <TargetFramework Condition="'\$(CheckFramework)' == ''">net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="MagicHour.Codegen" Version="$VERSION" />
    <AdditionalFiles Include="openapi.json" Condition="'\$(WithSpec)' == 'true'" />
  </ItemGroup>
</Project>
EOF
run "$LOGS/check-nospec.log" cdotnet build "$WORK/Checks/Checks.csproj"
grep -q 'warning MHCG0100' "$LOGS/check-nospec.log" || fail "no MHCG0100 warning without an openapi.json" "$LOGS/check-nospec.log"
if cdotnet build "$WORK/Checks/Checks.csproj" -p:WithSpec=true -p:LangVersion=10 >"$LOGS/check-langversion.log" 2>&1; then
  fail "LangVersion 10 built" "$LOGS/check-langversion.log"
fi
grep -q 'error MHCG0103' "$LOGS/check-langversion.log" || fail "no MHCG0103 error for LangVersion 10" "$LOGS/check-langversion.log"
grep -q 'error CS' "$LOGS/check-langversion.log" && fail "LangVersion 10 reached the compiler" "$LOGS/check-langversion.log"
if cdotnet build "$WORK/Checks/Checks.csproj" -p:WithSpec=true -p:CheckFramework=netstandard2.0 >"$LOGS/check-tfm.log" 2>&1; then
  fail "netstandard2.0 built" "$LOGS/check-tfm.log"
fi
grep -q 'error MHCG0102' "$LOGS/check-tfm.log" || fail "no MHCG0102 error for netstandard2.0" "$LOGS/check-tfm.log"
pass "build checks: MHCG0100 without openapi.json, MHCG0103 for LangVersion 10, MHCG0102 for netstandard2.0"

for line in "${SUMMARY[@]}"; do say "$line"; done
say "all $PASSED checks passed"
