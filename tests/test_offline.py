"""The tool works offline by construction: the suite refuses any network connection."""

import socket

import pytest
from pytest_socket import SocketBlockedError


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_opening_a_network_socket_fails_the_test():
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("127.0.0.1", 9))
