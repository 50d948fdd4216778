using System.Text;
using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Rules;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Rules;

public class MP2001UnresolvedPlaceholderTests
{
    private static IReadOnlyList<Diagnostic> Analyze(string yaml, AnalyzerOptions? options = null, string path = "test.yaml")
    {
        var tree = SyntaxTree.Parse(new SourceText(path, yaml));
        var compilation = ManifestCompilation.Create([tree]);
        var diagnostics = new AnalyzerDriver([new MP2001UnresolvedPlaceholder()]).Analyze(compilation, options);
        Assert.DoesNotContain(diagnostics, d => d.Id == "MP0000");
        return diagnostics;
    }

    private static Diagnostic Single(string yaml, AnalyzerOptions? options = null) => Assert.Single(Analyze(yaml, options));

    private static string ConfigMapValue(string value) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  url: {value}\n";

    private static string PodWith(string container) =>
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n"
        + string.Concat(container.Split('\n').Where(l => l.Length > 0).Select(l => "  " + l + "\n"));

    [Theory]
    [InlineData("<MSK_BOOTSTRAP_SERVERS>", "<MSK_BOOTSTRAP_SERVERS>", "MSK_BOOTSTRAP_SERVERS")]
    [InlineData("<eventhub_namespace_name>.servicebus.windows.net:9093", "<eventhub_namespace_name>", "eventhub_namespace_name")]
    [InlineData("<put-your-sqs-queue-url-here>", "<put-your-sqs-queue-url-here>", "put-your-sqs-queue-url-here")]
    [InlineData("\"<ADD Target WWN Here>\"", "<ADD Target WWN Here>", "ADD Target WWN Here")]
    [InlineData("myacr.azurecr.io/<image_tag>", "<image_tag>", "image_tag")]
    [InlineData("${SQS_QUEUE_URL}", "${SQS_QUEUE_URL}", "SQS_QUEUE_URL")]
    [InlineData("https://${HOST:-localhost}/x", "${HOST:-localhost}", "HOST")]
    [InlineData("\"{{ .Values.image }}\"", "{{ .Values.image }}", ".Values.image")]
    [InlineData("vttablet-{{uid}}", "{{uid}}", "uid")]
    [InlineData("REPLACE_ME", "REPLACE_ME", "REPLACE_ME")]
    [InlineData("CHANGEME", "CHANGEME", "CHANGEME")]
    [InlineData("changeme", "changeme", "changeme")]
    [InlineData("REPLACE_WITH_TERRAFORM_OUTPUT_sqs_queue_url", "REPLACE_WITH_TERRAFORM_OUTPUT_sqs_queue_url", "REPLACE_WITH_TERRAFORM_OUTPUT_sqs_queue_url")]
    [InlineData("https://hooks.example/YOUR_WEBHOOK_URL_HERE", "YOUR_WEBHOOK_URL_HERE", "YOUR_WEBHOOK_URL_HERE")]
    public void Reports_every_placeholder_family(string value, string placeholder, string name)
    {
        var diagnostic = Single(ConfigMapValue(value));
        Assert.Equal(placeholder, diagnostic.Properties["placeholder"]);
        Assert.Equal(name, diagnostic.Properties["placeholderName"]);
        Assert.Equal("data.url", diagnostic.Properties["path"]);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Contains($"'{placeholder}'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<no value>")]
    [InlineData("<nil>")]
    [InlineData("\"<b>bold</b> text\"")]
    [InlineData("<br>")]
    [InlineData("\"Jane Doe <jane@example.com>\"")]
    [InlineData("java.util.List<String>")]
    [InlineData("\"rate(x[5m]) < 0.5 and y > 3\"")]
    [InlineData("\"a<b and c>d\"")]
    [InlineData("$(POD_NAMESPACE).svc")]
    [InlineData("\"$${ESCAPED}\"")]
    [InlineData("\"${env:MY_POD_IP}:4317\"")]
    [InlineData("\"{{ $labels.instance }} is down\"")]
    [InlineData("example-secret-name")]
    [InlineData("PROJECT_ID")]
    [InlineData("arn:aws:iam::ACCOUNT_ID:role/x")]
    [InlineData("\"a <= b\"")]
    public void Stays_silent_on_values_that_only_look_like_placeholders(string value) =>
        Assert.Empty(Analyze(ConfigMapValue(value)));

    [Theory]
    [InlineData("  command: [\"sh\", \"-c\", \"echo ${FRONTEND_ADDR}\"]\n")]
    [InlineData("  args:\n    - echo $(date) ${RANDOM}\n")]
    [InlineData("  env:\n    - name: A\n      value: $(IP):9100\n")]
    [InlineData("  livenessProbe:\n      exec:\n        command: [\"sh\", \"-c\", \"test -f ${CHECK_FILE}\"]\n")]
    [InlineData("  args:\n    - |\n      # usage: run <namespace>\n      curl ${AMQP_URL} {{ x }}\n")]
    public void Stays_silent_on_shell_expansion_in_containers(string container) =>
        Assert.Empty(Analyze(PodWith(container)));

    [Fact]
    public void Reports_envsubst_tokens_in_env_values_where_Kubernetes_does_not_expand_them()
    {
        var diagnostic = Single(PodWith("  env:\n    - name: URL\n      value: ${SQS_QUEUE_URL}\n"));
        Assert.Equal("spec.containers[0].env[0].value", diagnostic.Properties["path"]);
    }

    [Fact]
    public void Stays_silent_on_shell_in_init_ephemeral_and_cronjob_containers()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: cj
            spec:
              schedule: "* * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      initContainers:
                      - name: i
                        command: ["sh", "-c", "wait-for ${DB_HOST}"]
                      containers:
                      - name: c
                        args: ["--url=${TARGET}"]
                      ephemeralContainers:
                      - name: e
                        command: ["sh", "-c", "echo ${TMP}"]
            """;
        Assert.Empty(Analyze(yaml));
    }

    [Theory]
    [InlineData("monitoring.coreos.com/v1", "PrometheusRule", "description: \"{{ $labels.x }} has {{ $value }} and {{ humanize .Value }}\"")]
    [InlineData("argoproj.io/v1alpha1", "Workflow", "message: \"{{inputs.parameters.message}}\"")]
    [InlineData("argoproj.io/v1alpha1", "WorkflowTemplate", "when: \"{{steps.flip.outputs.result}} < 5\"")]
    [InlineData("argoproj.io/v1alpha1", "CronWorkflow", "name: \"{{workflow.name}}\"")]
    [InlineData("argoproj.io/v1alpha1", "ApplicationSet", "targetRevision: \"{{revision}}\"")]
    [InlineData("kyverno.io/v1", "ClusterPolicy", "name: \"{{request.object.metadata.name}}-so\"")]
    [InlineData("spire.spiffe.io/v1alpha1", "ClusterSPIFFEID", "spiffeIDTemplate: \"spiffe://{{ .TrustDomain }}/ns/{{ .PodMeta.Namespace }}\"")]
    [InlineData("install.istio.io/v1alpha1", "IstioOperator", "template: \"{{ .Values.global.hub }}\"")]
    [InlineData("monitoring.coreos.com/v1alpha1", "AlertmanagerConfig", "title: \"{{ .CommonLabels.alertname }}\"")]
    public void Stays_silent_on_runtime_templates_of_kinds_that_expand_them(string apiVersion, string kind, string field)
    {
        var yaml = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: x\nspec:\n  {field}\n";
        Assert.Empty(Analyze(yaml));
    }

    [Fact]
    public void Still_reports_angle_placeholders_in_runtime_template_kinds()
    {
        var yaml = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: x\nspec:\n  image: <YOUR_IMAGE>\n  msg: \"{{inputs.parameters.m}}\"\n";
        Assert.Equal("<YOUR_IMAGE>", Single(yaml).Properties["placeholder"]);
    }

    [Fact]
    public void Stays_silent_on_files_embedded_in_ConfigMaps()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: dashboards
            data:
              dashboard.json: '{"datasource": "${datasource}", "legendFormat": "{{instance}}"}'
              consumer.sh: |
                #!/bin/sh
                # usage: consumer.sh <queue-url>
                aws sqs receive-message --queue-url ${QUEUE_URL}
              collector.yaml: |
                exporters:
                  googlecloud:
                    project: {{PROJECT_ID}}
            """;
        Assert.Empty(Analyze(yaml));
    }

    [Fact]
    public void Reports_upper_snake_angle_placeholders_inside_embedded_files()
    {
        const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  app.conf: |\n    # <COMMENTED_OUT>\n    key = <API_KEY>\n";
        var diagnostic = Single(yaml);
        Assert.Equal("<API_KEY>", diagnostic.Properties["placeholder"]);
        Assert.Equal(new LinePosition(8, 11), diagnostic.Location.Position.Start);
    }

    [Fact]
    public void Stays_silent_on_CRD_schemas_and_comments()
    {
        const string yaml = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: scaledjobs.keda.sh
            spec:
              versions:
              - name: v1alpha1
                schema:
                  openAPIV3Schema:
                    description: "Keys as <KEY>, hosts as <hostname>, $(VAR_NAME) expands"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
              # host: <label-name>.<location>
            data:
              a: b # <NOT_A_VALUE>
            """;
        Assert.Empty(Analyze(yaml));
    }

    [Fact]
    public void OpenShift_template_parameters_are_the_templates_own_syntax_but_undeclared_ones_are_reported()
    {
        const string yaml = """
            apiVersion: template.openshift.io/v1
            kind: Template
            metadata:
              name: t
            parameters:
            - name: TOKEN
            objects:
            - apiVersion: keda.sh/v1alpha1
              kind: TriggerAuthentication
              metadata:
                name: ta
              spec:
                secretTargetRef:
                - name: ${TOKEN}
                  key: ${UNDECLARED}
            """;
        var diagnostic = Single(yaml);
        Assert.Equal("${UNDECLARED}", diagnostic.Properties["placeholder"]);
        Assert.Equal("objects[0].spec.secretTargetRef[0].key", diagnostic.Properties["path"]);
    }

    [Theory]
    [InlineData("  url: <HOST>\n", 6, 8)]
    [InlineData("  url: https://<HOST>:9092\n", 6, 16)]
    [InlineData("  url: \"https://<HOST>\"\n", 6, 17)]
    [InlineData("  url: 'it''s <HOST>'\n", 6, 15)]
    [InlineData("  url: \"tab\\there <HOST>\"\n", 6, 19)]
    [InlineData("  url: |\n    line one\n    at <HOST_NAME>\n", 8, 8)]
    [InlineData("  url: >-\n    folded\n    text <HOST_NAME>\n", 8, 10)]
    [InlineData("  url: <HOST> and <HOST>\n", 6, 8)]
    public void Locates_the_placeholder_itself(string dataLines, int line, int column)
    {
        var diagnostic = Single("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n" + dataLines);
        Assert.Equal(new LinePosition(line, column), diagnostic.Location.Position.Start);
        var start = int.Parse(diagnostic.Properties["spanStart"], System.Globalization.CultureInfo.InvariantCulture);
        var length = int.Parse(diagnostic.Properties["spanLength"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(diagnostic.Location.Span, new TextSpan(start, start + length));
    }

    [Fact]
    public void Locates_the_placeholder_in_flow_style()
    {
        var diagnostic = Single("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {volumes: [{name: v, fc: {targetWWNs: [\"<ADD WWN>\"]}}]}}\n");
        Assert.Equal(new LinePosition(1, 96), diagnostic.Location.Position.Start);
        Assert.Equal("spec.volumes[0].fc.targetWWNs[0]", diagnostic.Properties["path"]);
    }

    [Fact]
    public void Locates_the_placeholder_with_CRLF_line_endings()
    {
        var text = "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\ndata:\r\n  a: x\r\n  url: pre-<HOST>\r\n";
        var diagnostic = Single(text);
        Assert.Equal(new LinePosition(7, 12), diagnostic.Location.Position.Start);
        Assert.Equal("<HOST>", text.Substring(diagnostic.Location.Span.Start, diagnostic.Location.Span.Length));
    }

    [Fact]
    public void Reads_JSON_input()
    {
        const string json = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ServiceAccount\",\n  \"metadata\": {\n    \"name\": \"sa\",\n    \"annotations\": {\"eks.amazonaws.com/role-arn\": \"<put-your-role-arn>\"}\n  }\n}\n";
        var diagnostic = Assert.Single(Analyze(json, path: "sa.json"));
        Assert.Equal(new LinePosition(6, 52), diagnostic.Location.Position.Start);
        Assert.Equal("metadata.annotations[\"eks.amazonaws.com/role-arn\"]", diagnostic.Properties["path"]);
    }

    [Fact]
    public void Reports_one_finding_per_scalar_and_counts_the_others()
    {
        var diagnostic = Single(ConfigMapValue("/subscriptions/<subscriptionID>/resourceGroups/<resourceGroup>/disks/<diskName>"));
        Assert.Equal("<subscriptionID>", diagnostic.Properties["placeholder"]);
        Assert.Contains("(and 2 more placeholders)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_Secret_key_and_never_the_value()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("user:s3cr3t@<DB_HOST>"));
        var yaml = $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  dsn: {encoded}\n  plain: <base64-encoded-connection-string>\nstringData:\n  password: hunter2-<PASSWORD>\n";
        var diagnostics = Analyze(yaml);
        Assert.Equal(3, diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            Assert.DoesNotContain("s3cr3t", diagnostic.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", diagnostic.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('<', diagnostic.Message);
            Assert.False(diagnostic.Properties.ContainsKey("placeholder"));
            Assert.False(diagnostic.Properties.ContainsKey("placeholderName"));
        }

        Assert.Contains("Key 'dsn' in data of Secret/s", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(new LinePosition(6, 8), diagnostics[0].Location.Position.Start);
        Assert.Equal(encoded.Length, diagnostics[0].Location.Span.Length);
        Assert.Contains("Key 'plain' in data", diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Contains("Key 'password' in stringData", diagnostics[2].Message, StringComparison.Ordinal);
        Assert.Equal(new LinePosition(9, 21), diagnostics[2].Location.Position.Start);
    }

    [Fact]
    public void Writes_the_documented_message_and_fingerprint()
    {
        const string yaml = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: inference-scaler
              namespace: ml
            spec:
              scaleTargetRef:
                name: inference
              triggers:
              - type: kafka
                metadata:
                  bootstrapServers: <MSK_BOOTSTRAP_SERVERS>
            """;
        var diagnostic = Single(yaml);
        Assert.Equal(
            "Value of spec.triggers[0].metadata.bootstrapServers in ScaledObject/inference-scaler still holds the placeholder '<MSK_BOOTSTRAP_SERVERS>'; substitute the real value before deploy (e.g. with `manifestpolicy render`).",
            diagnostic.Message);
        Assert.Equal("MP2001|test.yaml|ScaledObject/ml/inference-scaler|spec.triggers[0].metadata.bootstrapServers", diagnostic.FingerprintKey);
        Assert.Equal("MSK_BOOTSTRAP_SERVERS", diagnostic.Properties["placeholderName"]);
        Assert.Equal(new LinePosition(12, 25), diagnostic.Location.Position.Start);
    }

    [Fact]
    public void Honours_extra_and_ignored_patterns()
    {
        var options = new AnalyzerOptions
        {
            ExtraPlaceholderPatterns = [@"\bACCOUNT_ID\b", @"%%(?<name>[a-z]+)%%"],
            IgnoredPlaceholderPatterns = [@"^<LOCAL_.*>$"],
        };
        Assert.Equal("ACCOUNT_ID", Single(ConfigMapValue("arn:aws:iam::ACCOUNT_ID:role/x"), options).Properties["placeholderName"]);
        Assert.Equal("host", Single(ConfigMapValue("'%%host%%'"), options).Properties["placeholderName"]);
        Assert.Empty(Analyze(ConfigMapValue("<LOCAL_DEV_HOST>"), options));
        Assert.Single(Analyze(ConfigMapValue("<REMOTE_HOST>"), options));
    }

    [Fact]
    public void An_invalid_user_pattern_is_reported_as_a_rule_failure_with_the_pattern()
    {
        var tree = SyntaxTree.Parse(new SourceText("t.yaml", ConfigMapValue("x")));
        var options = new AnalyzerOptions { ExtraPlaceholderPatterns = ["(unclosed"] };
        var diagnostics = new AnalyzerDriver([new MP2001UnresolvedPlaceholder()]).Analyze(ManifestCompilation.Create([tree]), options);
        var failure = Assert.Single(diagnostics);
        Assert.Equal("MP0000", failure.Id);
        Assert.Contains("(unclosed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_envsubst_tokens_that_break_the_parse_where_a_value_starts()
    {
        const string yaml = "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: s\nspec:\n  triggers:\n  - type: external\n    metadata:\n      caCert: |\n${_caCertPem}\n      other: x\n      script: echo ${NOT_AT_VALUE_START}\n";
        var diagnostics = Analyze(yaml).Where(d => d.Id == "MP2001").ToList();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(new LinePosition(10, 1), diagnostic.Location.Position.Start);
        Assert.Equal("_caCertPem", diagnostic.Properties["placeholderName"]);
    }

    [Fact]
    public void Bad_fixture_reports_each_marked_value_once()
    {
        var diagnostics = Analyze(File.ReadAllText(Fixture("bad.yaml")), path: "bad.yaml");
        Assert.Equal([13, 14, 15, 19, 20, 38, 41, 43, 53, 55], diagnostics.Select(d => d.Location.Position.Start.Line));
        Assert.All(diagnostics, d => Assert.Equal("MP2001", d.Id));
    }

    [Fact]
    public void Good_fixture_is_silent() =>
        Assert.Empty(Analyze(File.ReadAllText(Fixture("good.yaml")), path: "good.yaml"));

    private static string Fixture(string name) =>
        Path.Combine(Corpus.CorpusLoader.RepositoryRoot, "tests", "ManifestPolicy.Tests", "Rules", "MP2001", name);
}
