"""unittest.mock basics: Mock/MagicMock calls and assertions, patch as decorator/context, side effects."""
from unittest import mock
import os

m = mock.Mock(return_value=3)
print(m(1, k=2), m.call_args, m.call_count, m.called, m.call_args_list)
m.assert_called_once_with(1, k=2)
try:
    m.assert_called_with(2)
except AssertionError as e:
    print("AssertionError:", e)
m.method.return_value = "x"
print(m.method("a"), m.method_calls, m.mock_calls)
mm = mock.MagicMock()
mm.__len__.return_value = 7
mm.__getitem__.side_effect = lambda k: k * 2
print(len(mm), mm[4], mm.__enter__ is not None)
s = mock.Mock(side_effect=[1, ValueError("second")])
print(s())
try:
    s()
except ValueError as e:
    print("ValueError", e)
with mock.patch("os.getcwd", return_value="/fake") as p:
    print(os.getcwd(), p.called)
print(os.getcwd() != "/fake")

@mock.patch.object(os.path, "exists", return_value=False)
def check(mocked):
    return os.path.exists("/"), mocked.call_args

print(check())
with mock.patch.dict(os.environ, {"KRAIT_MOCK": "1"}):
    print(os.environ["KRAIT_MOCK"])
print("KRAIT_MOCK" in os.environ)
spec = mock.create_autospec(lambda a, b: None)
spec(1, 2)
try:
    spec(1)
except TypeError as e:
    print("TypeError", e)
print(mock.call(1, x=2), mock.ANY == object(), mock.sentinel.thing, mock.DEFAULT)
