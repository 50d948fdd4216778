using CsCheck;
using ManifestPolicy.Fixes;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Fixes;

public sealed class FragmentMergeTests
{
    private const string ScaledObject = "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: s\n  namespace: prod\nspec:\n  scaleTargetRef:\n    name: w\n  triggers:\n    - type: kafka\n      metadata:\n        bootstrapServers: k.example:9093\n        tls: enable\n        unsafeSsl: \"true\"\n";

    [Fact]
    public void Hostile_secret_names_and_keys_stay_values_of_the_trigger_authentication()
    {
        Gen.Select(YamlScalarWriterTests.Hostile, YamlScalarWriterTests.Hostile).Sample((name, key) =>
        {
            if (name.Length == 0 || key.Length == 0)
            {
                return;
            }

            var result = FixTestHost.Fix(new FixOptions { CaSecret = new CaSecret(name, key) }, ("so.yaml", ScaledObject));
            if (!result.Changed.ContainsKey("so.yaml"))
            {
                return;
            }

            var tree = SyntaxTree.Parse(result.Changed["so.yaml"]);
            Assert.Null(tree.Error);
            Assert.Equal(2, tree.Documents.Count);
            var authentication = Assert.IsType<MappingNode>(tree.Documents[1].Root);
            Assert.Equal("TriggerAuthentication", authentication.GetString("kind"));
            var reference = Assert.IsType<MappingNode>(Assert.Single(authentication.GetMapping("spec")!.GetSequence("secretTargetRef")!.Items));
            Assert.Equal(["parameter", "name", "key"], reference.Entries.Select(e => e.KeyText));
            Assert.Equal(name, reference.GetScalar("name")!.Value);
            Assert.Equal(key, reference.GetScalar("key")!.Value);
            var expectedScaledObject = ScaledObject.Replace("unsafeSsl: \"true\"\n", "unsafeSsl: \"false\"\n      authenticationRef:\n        name: s-kafka-ca\n---\n", StringComparison.Ordinal);
            Assert.StartsWith(expectedScaledObject, result.Changed["so.yaml"].Text, StringComparison.Ordinal);
        }, iter: 500, threads: 1);
    }

    [Fact]
    public void A_mapping_ending_in_a_keep_block_scalar_is_not_extended()
    {
        var file = ScaledObject.Replace("        unsafeSsl: \"true\"\n", "        unsafeSsl: \"true\"\n        note: |+\n          kept\n\n", StringComparison.Ordinal);
        var result = FixTestHost.Fix(new FixOptions { CaSecret = CaSecret.Parse("ca") }, ("so.yaml", file));
        Assert.Contains("keeps its trailing line breaks", Assert.Single(result.Unfixed).Reason, StringComparison.Ordinal);
    }
}
