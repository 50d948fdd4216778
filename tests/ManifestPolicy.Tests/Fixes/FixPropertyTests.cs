using System.Text;
using CsCheck;
using ManifestPolicy.Fixes;
using ManifestPolicy.Fixes.Values;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Fixes;

/// <summary>Properties of `fix` over generated multi-document files with every fixable finding, comments, styles and line endings.</summary>
public sealed class FixPropertyTests
{
    private const string Msk = "b-1.c.abc123.c2.kafka.us-east-1.amazonaws.com";

    private static readonly Gen<string> Document = Gen.OneOf(
        Gen.Int[0, 999].Select(n => $"# keep-{n} a service\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-{n}   # keep-{n}b\n  namespace: shop\nspec: {{ports: [{{port: 80}}], selector: {{app: web}}}}\n"),
        Gen.OneOf("<HOST>", "'<HOST>'", "\"<HOST>:5432\"", "&h <HOST>", "x-<PORT>").Select(v => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: shop\ndata:\n  url: {v}\n  copy: *h\n".Replace("  copy: *h\n", v.StartsWith('&') ? "  copy: *h\n" : string.Empty, StringComparison.Ordinal)),
        Gen.Const("# the old autoscaler\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web-hpa\n  namespace: shop\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n"),
        Gen.OneOf("\"true\"", "true", "'1'").Select(unsafeSsl => $"apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web-scaler\n  namespace: shop-prod\nspec:\n  scaleTargetRef:\n    name: kafka-consumer\n  triggers:\n    - type: kafka   # keep-trigger\n      metadata:\n        bootstrapServers: {Msk}:9092\n        tls: enable\n        unsafeSsl: {unsafeSsl}\n"));

    private const string ScaledObjectForHpa = "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  scaleTargetRef: {name: web}\n  triggers: [{type: cpu, metadata: {value: \"50\"}}]\n";

    private sealed record Case(string Text, bool Crlf, bool Bom, string Value, HpaStrategy Strategy, bool CaSecret);

    private static readonly Gen<Case> Cases =
        Gen.Select(Document.Array[1, 5], Gen.Bool, Gen.Bool, YamlScalarWriterTests.Hostile, Gen.Bool, Gen.Bool)
            .Select((docs, crlf, bom, value, adopt, ca) =>
            {
                var text = string.Join("---\n", docs.Distinct());
                if (crlf)
                {
                    text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
                }

                return new Case(text, crlf, bom, value, adopt ? HpaStrategy.Adopt : HpaStrategy.Remove, ca);
            });

    private static FixRunResult Fix(Case c, IEnumerable<(string Path, SourceText Text)> files)
    {
        var values = new ValueSet();
        values.Add(new NamedValue("HOST", c.Value, null, false, "test"));
        values.Add(new NamedValue("PORT", "5432", null, false, "test"));
        var options = new FixOptions { Values = values, HpaStrategy = c.Strategy, CaSecret = c.CaSecret ? CaSecret.Parse("ca") : null };
        return new FixRunner(options).Run([.. files.Select(f => SyntaxTree.Parse(f.Text))]);
    }

    private static List<(string Path, SourceText Text)> Files(Case c) =>
        [("m.yaml", new SourceText("m.yaml", c.Text, c.Bom)), ("so.yaml", new SourceText("so.yaml", ScaledObjectForHpa))];

    [Fact]
    public void Fixing_is_safe_idempotent_and_keeps_what_it_does_not_fix()
    {
        var fixedCount = 0;
        Cases.Sample(c =>
        {
            var files = Files(c);
            var result = Fix(c, files);
            fixedCount += result.Applied.Count;
            foreach (var (path, text) in result.Changed)
            {
                // Every written text parses; BOM and line endings are the original's.
                Assert.Null(SyntaxTree.Parse(text).Error);
                Assert.Equal(result.Originals[path].HasByteOrderMark, text.HasByteOrderMark);
                if (c.Crlf && path == "m.yaml")
                {
                    Assert.DoesNotMatch("(?<!\r)\n", text.Text);
                }
            }

            // Comments outside removed documents survive, in order.
            var after = result.TextOf("m.yaml");
            foreach (var marker in Markers(c.Text))
            {
                Assert.Contains(marker, after, StringComparison.Ordinal);
            }

            // Nothing fixed is found again.
            var fixedIdentities = result.Applied.Select(a => (a.Fix.Diagnostic.FingerprintKey, a.Fix.Diagnostic.Message)).ToHashSet();
            Assert.DoesNotContain(result.Remaining, d => fixedIdentities.Contains((d.FingerprintKey, d.Message)));

            // A second run changes nothing.
            var again = Fix(c, result.Changed.Select(kv => (kv.Key, kv.Value)).Concat(files.Where(f => !result.Changed.ContainsKey(f.Path))));
            Assert.Empty(again.Changed);
            Assert.Empty(again.Deleted);

            // When every fix came from the first pass, the output is the input with exactly those spans replaced.
            if (result.Applied.All(a => a.Pass == 1))
            {
                foreach (var (path, original) in result.Originals)
                {
                    var edits = result.Applied.SelectMany(a => a.Fix.Edits).Where(e => e.Path == path).Select(e => e.Edit).Distinct().OrderBy(e => e.Span.Start).ToList();
                    Assert.Equal(FixRunner.ApplyEdits(original, edits).Text, result.TextOf(path));
                }
            }
        }, iter: 400, threads: 1);
        Assert.True(fixedCount > 400, $"only {fixedCount} fixes were made over the samples");
    }

    /// <summary>The keep-N comments of documents other than the HPA (which a remove fix deletes with its comment).</summary>
    private static IEnumerable<string> Markers(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, "# keep-[0-9a-z]+").Select(m => m.Value).Distinct();

    [Fact]
    public void A_fix_whose_result_would_not_parse_is_never_applied()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: <HOST>\n";
        var values = new ValueSet();
        values.Add(new NamedValue("HOST", "x", null, false, "test"));
        var result = new FixRunner(new FixOptions { Values = values }, [new BreakingProvider()]).Run([SyntaxTree.Parse(new SourceText("c.yaml", text))]);
        Assert.Empty(result.Changed);
        Assert.Contains("would not parse", Assert.Single(result.Unfixed, u => u.Diagnostic.Id == "MP2001").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_does_not_parse_is_never_edited()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: <HOST>\n  bad: [1, 2\n";
        var values = new ValueSet();
        values.Add(new NamedValue("HOST", "x", null, false, "test"));
        var result = new FixRunner(new FixOptions { Values = values }).Run([SyntaxTree.Parse(new SourceText("c.yaml", text))]);
        Assert.Empty(result.Changed);
    }

    /// <summary>Stands in for a provider with a bug: its edit breaks the YAML.</summary>
    private sealed class BreakingProvider : CodeFixProvider
    {
        public override ManifestPolicy.Diagnostics.DiagnosticDescriptor Rule => ManifestPolicy.Rules.MP2001UnresolvedPlaceholder.Rule;

        public override string Description => "breaks the file";

        public override FixResult GetFix(CodeFixContext context, ManifestPolicy.Diagnostics.Diagnostic diagnostic) =>
            FixResult.Of(new CodeFix("break", diagnostic, [new FileTextEdit(diagnostic.Location.Path, new TextEdit(diagnostic.Location.Span, "[unclosed"))]));
    }

    [Fact]
    public void Crlf_and_bom_survive_an_inserted_document()
    {
        var so = "apiVersion: keda.sh/v1alpha1\r\nkind: ScaledObject\r\nmetadata:\r\n  name: s\r\n  namespace: prod\r\nspec:\r\n  scaleTargetRef:\r\n    name: w\r\n  triggers:\r\n    - type: kafka\r\n      metadata:\r\n        bootstrapServers: " + Msk + ":9094\r\n        tls: enable\r\n        unsafeSsl: \"true\"\r\n";
        var source = SourceText.FromBytes("so.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(so)]);
        var result = new FixRunner(new FixOptions { CaSecret = CaSecret.Parse("ca") }).Run([SyntaxTree.Parse(source)]);
        var fixedText = result.Changed["so.yaml"];
        Assert.True(fixedText.HasByteOrderMark);
        Assert.DoesNotMatch("(?<!\r)\n", fixedText.Text);
        var bytes = AtomicFileWriter.Encode(fixedText);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("kind: TriggerAuthentication\r\n", fixedText.Text, StringComparison.Ordinal);
    }
}
