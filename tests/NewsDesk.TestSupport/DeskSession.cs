using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Users;

namespace NewsDesk.TestSupport;

/// <summary>
/// Desk users for tests: created through the app's own account service and signed in through the real sign-in form.
/// Clients talk https (the desk's cookies are Secure) and do not follow redirects, so tests see every 302.
/// </summary>
public static class DeskSession
{
    public const string Password = "correct horse battery staple";

    public static HttpClient CreateHttpsClient(this WebApplicationFactory<Program> app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
    }

    /// <summary>Creates (once) and signs in a user with <paramref name="role"/>; the email defaults to "{role}@newsdesk.test".</summary>
    public static async Task<HttpClient> SignInAsync(this WebApplicationFactory<Program> app, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}@newsdesk.test";
        await EnsureUserAsync(app, email, role);
        var client = app.CreateHttpsClient();
        using var response = await client.SubmitAsync("/account/sign-in", "#sign-in-form", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    public static async Task EnsureUserAsync(WebApplicationFactory<Program> app, string email, string role)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<NewsDeskUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var created = await accounts.CreateAsync(email, Password, role, Actor.System("test"));
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(created.ErrorLine);
            }
        }
    }

    public static async Task<IHtmlDocument> GetHtmlAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}, expected 200: {body[..Math.Min(body.Length, 1500)]}");
        }

        return new HtmlParser().ParseDocument(body);
    }

    /// <summary>
    /// Loads <paramref name="url"/>, fills the form <paramref name="formSelector"/> as a browser would (its hidden fields,
    /// the anti-forgery token, checked boxes, selected options), applies <paramref name="values"/> and submits it.
    /// A value of null removes the field.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string formSelector, Dictionary<string, string?> values, IHtmlDocument? page = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        page ??= await client.GetHtmlAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {url}.");
        var fields = FormFields(form);
        foreach (var (key, value) in values)
        {
            fields.RemoveAll(f => f.Key == key);
            if (value is not null)
            {
                fields.Add(new(key, value));
            }
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value ?? "on"));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "image" or "reset":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value ?? ""));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value ?? ""));
                    break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        fields.Add(new(name, option.Value ?? option.Text));
                    }

                    break;
            }
        }

        return fields;
    }

    /// <summary>The anti-forgery token of the first form on a page: the same token is valid for every form of that session.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string url)
    {
        var page = await client.GetHtmlAsync(url);
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No anti-forgery token on {url}.");
    }

    public static string? Location(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.Location?.OriginalString;
    }

    public static IElement? Find(this IDocument page, string selector) => page.QuerySelector(selector);
}
