using ManifestPolicy.Analyzers;
using ManifestPolicy.Baselines;
using ManifestPolicy.Configuration;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Configuration;

/// <summary>The baseline with a real rule's fingerprint keys (MP3001), not hand-made ones.</summary>
public class BaselineEndToEndTests
{
    private const string Original = SampleManifests.KafkaTlsOnPlaintextPort;

    // Another object and comments above, the ScaledObject now second in the file, unrelated lines reformatted,
    // and a second broker with the same mistake.
    private const string Edited = """
        # Frames pipeline.
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: frames-settings, namespace: video}
        data: {batch: "10"}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          namespace: video
          name: frames-scaler
        spec:
          scaleTargetRef: {name: frames}
          triggers:
            - type: kafka
              metadata:
                topic: "video-frames"
                consumerGroup: 'frames'
                bootstrapServers: b-1.frames.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9092,b-2.frames.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9092
                tls: enable
        """;

    [Fact]
    public void A_baselined_MP3001_finding_stays_baselined_after_edits_above_and_a_move()
    {
        using var dir = new TempDirectory();
        var baselinePath = dir.PathOf("baseline.json");
        var before = Run("deploy/frames.yaml", Original, dir.Root, baseline: null);
        Assert.Single(before, d => d.Id == "MP3001");
        Baseline.Create(baselinePath, before, dir.Root).Save(baselinePath);

        var after = Run("deploy/frames.yaml", Edited, dir.Root, Baseline.Load(baselinePath, dir.Root)).Where(d => d.Id == "MP3001").ToList();

        Assert.Equal(2, after.Count);
        var old = Assert.Single(after, d => d.Suppression is not null);
        Assert.Contains("b-1.", old.Message, StringComparison.Ordinal);
        Assert.NotEqual(before.Single(d => d.Id == "MP3001").Location.Position.Start.Line, old.Location.Position.Start.Line);
        Assert.Contains("b-2.", Assert.Single(after, d => d.Suppression is null).Message, StringComparison.Ordinal);
    }

    private static List<Diagnostic> Run(string path, string yaml, string workingDirectory, Baseline? baseline)
    {
        var compilation = ManifestCompilation.Create([SyntaxTree.Parse(new SourceText(path, yaml))]);
        var raw = new AnalyzerDriver().Analyze(compilation, AnalyzerOptions.Default);
        return [.. new DiagnosticFilter(baseline: baseline, workingDirectory: workingDirectory).Apply(compilation, raw)];
    }
}
