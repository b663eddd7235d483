/// How to open a link; fields that make no sense for a transport are ignored by it.
public struct LinkOptions: Sendable, Equatable {
    /// Serial line rate in bits per second (also the simulated rate of `sim:` boards).
    public var baudRate: Int
    /// Force the DTR line on (true) or off (false); nil keeps uremote's default, which leaves
    /// ESP32 auto-reset circuits alone.
    public var dtr: Bool?
    /// Force the RTS line; nil keeps uremote's default.
    public var rts: Bool?

    public init(baudRate: Int = 115_200, dtr: Bool? = nil, rts: Bool? = nil) {
        self.baudRate = baudRate
        self.dtr = dtr
        self.rts = rts
    }
}
