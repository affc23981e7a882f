using System.Net;
using System.Net.Sockets;

namespace NewsDesk.Ingest.Http;

/// <summary>
/// The SSRF guard, in the HTTP handler's connect step: the host is resolved here and the connection is made to
/// an address that passed the check, so neither a DNS answer that changes between check and use (rebinding)
/// nor a redirect to an internal host gets through. Loopback, private, link-local, carrier-grade NAT,
/// multicast and reserved ranges are refused unless configuration allows them.
/// </summary>
internal sealed class AddressGuard(bool allowPrivateAddresses)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = allowPrivateAddresses ? addresses : [.. addresses.Where(IsPublic)];
        if (allowed.Length == 0)
        {
            throw new AddressRefusedException(addresses.Length == 0
                ? $"{host} does not resolve"
                : $"{host} resolves to {addresses[0]}, a private, loopback or link-local address (refused; Ingest:Http:AllowPrivateAddresses allows it)");
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsPublicV4(address.GetAddressBytes());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC)
        {
            return false;
        }

        // 2001:db8::/32 documentation; 2002::/16 6to4 and 64:ff9b::/96 NAT64 carry an IPv4 address that must be public too.
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)
        {
            return false;
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicV4(b[2..6]);
        }

        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPublicV4(b[12..16]);
        }

        // ::/96 IPv4-compatible (deprecated) addresses.
        return b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) >= 0 || IsPublicV4(b[12..16]);
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] is 0 or 10 or 127 or >= 224
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
        || (b[0] == 198 && b[1] is 18 or 19)
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)
        || (b[0] == 203 && b[1] == 0 && b[2] == 113));
}

/// <summary>A URL's host resolved only to addresses the SSRF guard refuses.</summary>
public sealed class AddressRefusedException : HttpRequestException
{
    public AddressRefusedException(string message)
        : base(message)
    {
    }

    public AddressRefusedException()
    {
    }

    public AddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
