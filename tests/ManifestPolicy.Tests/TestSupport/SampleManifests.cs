namespace ManifestPolicy.Tests.TestSupport;

/// <summary>Manifests several test classes reason about, kept in one place so their line numbers agree.</summary>
internal static class SampleManifests
{
    /// <summary>TLS on against MSK's plaintext port: one MP3001 error, on line 12.</summary>
    public const string KafkaTlsOnPlaintextPort = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: frames-scaler
          namespace: video
        spec:
          scaleTargetRef:
            name: frames
          triggers:
            - type: kafka
              metadata:
                bootstrapServers: b-1.frames.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9092
                consumerGroup: frames
                topic: video-frames
                tls: enable
        """;
}
