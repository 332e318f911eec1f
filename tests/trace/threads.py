# threading.settrace / threading.setprofile: the hooks are installed in new threads;
# trace and profile functions are per thread
import sys
import threading

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == 'worker':
        events.append((threading.current_thread().name, event))
        return tracer
    return None


def worker():
    x = 1
    return x


threading.settrace(tracer)
t = threading.Thread(target=worker, name='T1')
t.start()
t.join()
threading.settrace(None)
print(sys.gettrace())
print(events)

profiled = []


def prof(frame, event, arg):
    if event in ('call', 'return') and frame.f_code.co_name == 'worker':
        profiled.append(event)


threading.setprofile(prof)
t = threading.Thread(target=worker)
t.start()
t.join()
threading.setprofile(None)
print(profiled, sys.getprofile())

# a trace function set in this thread does not trace another thread
sys.settrace(tracer)
events.clear()
t = threading.Thread(target=worker, name='T2')
t.start()
t.join()
worker()
sys.settrace(None)
print(events)
