using System.Text.Json;
using ManifestPolicy.Fixes;

namespace ManifestPolicy.Tests.Fixes;

public sealed class JsonFixTests
{
    private const string ScaledObject = """
        {
          "apiVersion": "keda.sh/v1alpha1",
          "kind": "ScaledObject",
          "metadata": {"name": "web-scaler", "namespace": "shop-prod"},
          "spec": {
            "scaleTargetRef": {"name": "web"},
            "triggers": [{"type": "kafka", "metadata": {"bootstrapServers": "b-1.c.abc123.c2.kafka.us-east-1.amazonaws.com:9092", "tls": "enable", "unsafeSsl": "true"}}]
          }
        }

        """;

    private const string Hpa = """{"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web-hpa", "namespace": "shop-prod"}, "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "web"}, "maxReplicas": 3}}""";

    [Fact]
    public void Json_files_stay_json()
    {
        var result = FixTestHost.Fix(new FixOptions { HpaStrategy = HpaStrategy.Adopt }, ("so.json", ScaledObject), ("hpa.json", Hpa));
        var text = result.TextOf("so.json");
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal("true", root.GetProperty("metadata").GetProperty("annotations").GetProperty("scaledobject.keda.sh/transfer-hpa-ownership").GetString());
        Assert.Equal("web-hpa", root.GetProperty("spec").GetProperty("advanced").GetProperty("horizontalPodAutoscalerConfig").GetProperty("name").GetString());
        var metadata = root.GetProperty("spec").GetProperty("triggers")[0].GetProperty("metadata");
        Assert.Equal("false", metadata.GetProperty("unsafeSsl").GetString());
        Assert.EndsWith(":9094", metadata.GetProperty("bootstrapServers").GetString(), StringComparison.Ordinal);
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void A_json_file_gets_no_second_document()
    {
        var result = FixTestHost.Fix(new FixOptions { CaSecret = CaSecret.Parse("ca") }, ("so.json", ScaledObject));
        Assert.Contains(result.Unfixed, u => u.Diagnostic.Id == "MP3002" && u.Reason.Contains("JSON", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(result.TextOf("so.json"));
    }
}
