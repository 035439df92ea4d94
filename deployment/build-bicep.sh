#!/usr/bin/env bash
# Compiles deployment/main.bicep to ARM JSON with the Bicep CLI, printing every warning.
#
#   deployment/build-bicep.sh
#
# The compiler comes from the NuGet package Azure.Bicep.CommandLine.<rid> (NuGet is the one source we can rely
# on everywhere), restored once into deployment/.tools/ (ignored by git). Output: deployment/.tools/out/main.json.
# Exit codes: 0 built without warnings, 1 errors or warnings, 3 the compiler package could not be restored.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${BICEP_VERSION:-0.49.2}"
tools="$here/.tools"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64 | Linux-arm64) rid=linux-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  *) echo "error: no Bicep CLI package for $(uname -s)-$(uname -m)" >&2; exit 3 ;;
esac
package="Azure.Bicep.CommandLine.$rid"
bicep="$tools/packages/$(echo "$package" | tr '[:upper:]' '[:lower:]')/$version/tools/bicep"

if [ ! -f "$bicep" ]; then
  echo "Restoring $package $version from NuGet…"
  restore="$tools/restore"
  mkdir -p "$restore"
  # Empty Directory.*.props stop MSBuild from importing the repo's: this throwaway project wants no central
  # package management and no analyzers, only a PackageDownload (which fetches without referencing).
  echo '<Project />' > "$restore/Directory.Build.props"
  echo '<Project />' > "$restore/Directory.Packages.props"
  cat > "$restore/BicepCompiler.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="$package" Version="[$version]" /></ItemGroup>
</Project>
XML
  if ! dotnet restore "$restore/BicepCompiler.csproj" --packages "$tools/packages" --nologo -v quiet; then
    echo "error: could not restore $package $version from the NuGet feed" >&2
    exit 3
  fi
fi
chmod +x "$bicep"

mkdir -p "$tools/out"
"$bicep" --version
# bicep exits non-zero only on errors; warnings (unknown properties, linter rules) go to stderr and must fail too.
log="$tools/out/build.log"
status=0
"$bicep" build "$here/main.bicep" --outfile "$tools/out/main.json" 2> >(tee "$log" >&2) || status=$?
wait  # let tee finish writing the log
if [ "$status" -ne 0 ]; then
  echo "bicep build failed" >&2
  exit 1
fi
warnings=$(grep -c ' : Warning ' "$log" || true)
if [ "$warnings" -ne 0 ]; then
  echo "bicep build: $warnings warning(s)" >&2
  exit 1
fi
echo "Built $tools/out/main.json with no warnings"
