using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace NewsDesk.Reading.Caching;

/// <summary>
/// Marks what every reader sees alike (pages, feeds, sitemap): output-cached per content version
/// (<see cref="PublicPagePolicy"/>), compressed, and answered with ETag / Last-Modified and 304s. Nothing personal
/// may be rendered on such an endpoint. As endpoint metadata it is also the endpoint's output-cache policy.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PublicPageAttribute : Attribute, IOutputCachePolicy
{
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ((IOutputCachePolicy)Policy(context)).CacheRequestAsync(context, cancellation);

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ((IOutputCachePolicy)Policy(context)).ServeFromCacheAsync(context, cancellation);

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ((IOutputCachePolicy)Policy(context)).ServeResponseAsync(context, cancellation);

    private static PublicPagePolicy Policy(OutputCacheContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<PublicPagePolicy>();
}
