using Microsoft.Extensions.FileProviders;

namespace NewsDesk.Bench.Reading;

/// <summary>Kestrel serving files and nothing else: the ceiling a dynamic page is compared with.</summary>
internal static class StaticServer
{
    public static async Task<int> RunAsync(string folder, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)), ServeUnknownFileTypes = true });
        await app.RunAsync();
        return 0;
    }
}
