using Newtonsoft.Json.Linq;

namespace MIForge.Quickstart.Tests;

/// <summary>Decoded face images (a 178×218 RGBA image is 155 KB) stay off the large-object heap in the miforge host and
/// in test hosts: the build gives every runtimeconfig.json a 2 MB large-object threshold.</summary>
public sealed class LargeObjectThresholdTests
{
    [Fact]
    public void A_decoded_face_sized_array_is_a_gen0_object_and_the_host_is_configured_alike()
    {
        var image = GC.AllocateUninitializedArray<byte>(178 * 218 * 4);
        Assert.Equal(0, GC.GetGeneration(image));
        var config = JObject.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(Repository.HostDll())!, "MIForge.Host.runtimeconfig.json")));
        Assert.Equal(2097152L, config.SelectToken("runtimeOptions.configProperties['System.GC.LOHThreshold']")?.Value<long>());
    }
}
