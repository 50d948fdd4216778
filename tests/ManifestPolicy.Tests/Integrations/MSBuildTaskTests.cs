using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Integrations;

/// <summary>
/// The ManifestPolicy.MSBuild package, packed into a local folder feed and consumed by a real `dotnet build` of
/// samples/msbuild-consumer: the bad manifests fail the build at their file(line,column), the corrected ones pass,
/// and an unchanged rebuild skips the check.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class MSBuildTaskTests(RepositorySnapshot snapshot)
{
    private const string ScaledObject = "infrastructure/kubernetes/keda-inference-scaledobject.yaml";

    [GitFact]
    public void Consumer_build_fails_at_the_finding_then_passes_when_corrected_and_skips_when_unchanged()
    {
        var feed = snapshot.NewFolder("msbuild-feed");
        ProcessRunner.RunChecked("dotnet",
            ["pack", Path.Combine(snapshot.Root, "src", "ManifestPolicy.MSBuild"), "-c", "Release", "-p:PackMSBuildTask=true", "-o", feed, "--disable-build-servers"],
            snapshot.Root);
        var package = Assert.Single(Directory.GetFiles(feed, "ManifestPolicy.MSBuild.*.nupkg"));
        var version = Path.GetFileNameWithoutExtension(package)["ManifestPolicy.MSBuild.".Length..];

        var consumer = CopyConsumer(feed);
        string[] build = ["build", consumer, "--disable-build-servers", $"-p:ManifestPolicyMSBuildVersion={version}"];
        // A package cache of its own: never a stale ManifestPolicy.MSBuild of the same version from an earlier run.
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(consumer, "..", "msbuild-packages") };

        var failing = ProcessRunner.Run("dotnet", build, consumer, environment);
        Assert.True(failing.ExitCode != 0, "the build passed with the bad manifests:\n" + failing);
        var (line, column, endColumn) = KeyPosition(Path.Combine(consumer, ScaledObject), "scaleTargetRef");
        var expected = $"{Path.Combine(consumer, ScaledObject)}({line},{column},{line},{endColumn}): error MP1001: ";
        Assert.True(failing.Output.Contains(expected, StringComparison.Ordinal), $"expected '{expected}' in:\n{failing}");

        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "corrected", "infrastructure", "kubernetes")))
        {
            File.Copy(file, Path.Combine(consumer, "infrastructure", "kubernetes", Path.GetFileName(file)), overwrite: true);
        }
        var passing = ProcessRunner.Run("dotnet", build, consumer, environment);
        Assert.True(passing.ExitCode == 0, "the build failed with the corrected manifests:\n" + passing);
        Assert.DoesNotContain("error MP", passing.Output);

        var unchanged = ProcessRunner.Run("dotnet", [.. build, "-v:d"], consumer, environment);
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains("Skipping target \"ManifestPolicyCheck\" because all output files are up-to-date", unchanged.Output);

        // A warning (TLS on 9092 of a broker that is not MSK) passes the build; TreatWarningsAsErrors on the command
        // line, like the compiler's, makes it an error, even though no manifest changed since.
        var kafka = Path.Combine(consumer, "infrastructure", "kafka-9092.yaml");
        File.WriteAllText(kafka, KafkaOn9092WithTls);
        var (kafkaLine, kafkaColumn, _) = KeyPosition(kafka, "bootstrapServers");
        var warning = $"{kafka}({kafkaLine},{kafkaColumn + "bootstrapServers: ".Length},";
        var warned = ProcessRunner.Run("dotnet", build, consumer, environment);
        Assert.True(warned.ExitCode == 0, warned.ToString());
        Assert.Contains(warning, warned.Output);
        Assert.Contains("): warning MP3001: ", warned.Output);

        var promoted = ProcessRunner.Run("dotnet", [.. build, "-p:TreatWarningsAsErrors=true"], consumer, environment);
        Assert.True(promoted.ExitCode != 0, "TreatWarningsAsErrors did not fail the build:\n" + promoted);
        Assert.Contains("): error MP3001: ", promoted.Output);

        var suppressed = ProcessRunner.Run("dotnet", [.. build, "-p:TreatWarningsAsErrors=true", "-p:NoWarn=MP3001"], consumer, environment);
        Assert.True(suppressed.ExitCode == 0, suppressed.ToString());
        Assert.DoesNotContain("MP3001: ", suppressed.Output);

        // Configuration is an input too: raising the rule's severity in .editorconfig runs the check again, though
        // no manifest and no build setting changed since the last build.
        Assert.Equal(0, ProcessRunner.Run("dotnet", build, consumer, environment).ExitCode);
        File.WriteAllText(Path.Combine(consumer, ".editorconfig"), "[*.yaml]\nmanifestpolicy_diagnostic.MP3001.severity = error\n");
        var configured = ProcessRunner.Run("dotnet", build, consumer, environment);
        Assert.True(configured.ExitCode != 0, "editing .editorconfig did not run the check again:\n" + configured);
        Assert.Contains("): error MP3001: ", configured.Output);
    }

    private const string KafkaOn9092WithTls = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: audit-scaler
          namespace: staging
        spec:
          scaleTargetRef:
            name: audit-worker
          triggers:
            - type: kafka
              metadata:
                bootstrapServers: kafka.internal:9092
                consumerGroup: audit
                topic: audit-events
                lagThreshold: "10"
                tls: enable

        """;

    /// <summary>A copy of the sample consumer whose nuget.config reads only the local feed: restore needs no network.</summary>
    private string CopyConsumer(string feed)
    {
        var source = Path.Combine(RepoPaths.Root, "samples", "msbuild-consumer");
        var consumer = snapshot.NewFolder("msbuild-consumer");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }
            var target = Path.Combine(consumer, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return consumer;
    }

    /// <summary>1-based line, column and exclusive end column of the first <paramref name="key"/> in a file.</summary>
    private static (int Line, int Column, int EndColumn) KeyPosition(string path, string key)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        Assert.True(index >= 0, $"no '{key}:' in {path}");
        var column = lines[index].IndexOf(key, StringComparison.Ordinal) + 1;
        return (index + 1, column, column + key.Length);
    }
}
