using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsDesk.IntegrationTests;

internal static class Html
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        return new HtmlParser().ParseDocument(body);
    }

    /// <summary>A client that does not follow redirects, to see 301s.</summary>
    public static HttpClient NoRedirects(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<HttpResponseMessage> GetResponseAsync(this HttpClient client, string url) =>
        await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

    public static IEnumerable<string> Texts(this IDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim());
}
