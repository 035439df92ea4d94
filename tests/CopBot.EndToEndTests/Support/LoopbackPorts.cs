using System.Net;
using System.Net.Sockets;

namespace CopBot.EndToEndTests.Support;

internal static class LoopbackPorts
{
    /// <summary>
    /// <paramref name="count"/> distinct ports that were free a moment ago (all held open together, so never the same
    /// one twice). Callers verify they really got theirs: the playground silently moves on when its port is taken.
    /// </summary>
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
