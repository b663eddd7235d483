import URemoteKit

print("uremote: not yet implemented")
