# Send the hidden tests out over the network to a listener on the grading machine.
import socket
for host in ("127.0.0.1", "localhost"):
    try:
        with socket.create_connection((host, {port}), timeout=2) as connection:
            connection.sendall(b"stolen")
    except OSError as error:
        print("no network:", type(error).__name__)
