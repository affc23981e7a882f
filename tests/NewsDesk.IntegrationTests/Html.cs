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
}
