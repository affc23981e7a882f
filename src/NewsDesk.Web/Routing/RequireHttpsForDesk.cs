namespace NewsDesk.Web.Routing;

/// <summary>
/// With secure cookies, desk sign-in cannot work over plain HTTP (the browser would drop the cookies): say so plainly
/// instead of failing on the first form. Public pages are not affected.
/// </summary>
internal sealed class RequireHttpsForDesk(RequestDelegate next)
{
    private static readonly string[] Prefixes = ["/desk", "/admin", "/account", "/setup"];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!context.Request.IsHttps && Prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                "The NewsDesk desk needs HTTPS. Serve it over TLS (behind a proxy, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true), "
                + "or, on a trusted local network only, set Desk:SecureCookies=false.",
                context.RequestAborted);
            return;
        }

        await next(context);
    }
}
